"""make bench's verdict on the PDFs' CPU time per page against the peer's (issue 19, target 3), with figures by hand."""

from scripts import bench
from scripts.bench import last_error_line, peer_verdict

OURS = {"cpu_s_per_page": 0.158, "pages": 2046}
PEER = {"cpu_s_per_page": 0.129, "pages": 120, "version": "0.12.1"}


def test_more_cpu_a_page_than_the_peer_is_not_met_and_says_by_how_much():
    what, result, target, met, by = peer_verdict(OURS, PEER)
    assert what == "PDF CPU per page (ours tagged / mkdocs-to-pdf untagged)"
    assert result == "0.158 / 0.129 s (1.22×)"
    assert target == "< peer"
    assert met is False
    assert by.startswith("0.029 s a page over, +22 %")
    assert "ours 2046 pages in 5 languages, mkdocs-to-pdf 0.12.1 120 Finnish pages" in by


def test_less_cpu_a_page_than_the_peer_is_met():
    _, result, _, met, by = peer_verdict({**OURS, "cpu_s_per_page": 0.100}, PEER)
    assert result == "0.100 / 0.129 s (0.78×)"
    assert met is True
    assert by.startswith("0.029 s a page under, -22 %")


def test_the_same_cpu_a_page_as_the_peer_is_not_below_it():
    assert peer_verdict({**OURS, "cpu_s_per_page": 0.129}, PEER)[3] is False


def test_a_peer_without_its_environment_is_reported_not_judged():
    peer = {"version": "0.12.1", "not_measured": "no environment (No matching distribution found)"}
    assert peer_verdict(OURS, peer) == (
        "PDF CPU per page (ours tagged / mkdocs-to-pdf untagged)",
        "peer not measured: no environment (No matching distribution found)",
        "< peer",
        None,
    )


def test_the_reason_is_pips_last_word_not_its_warnings():
    stderr = (
        "WARNING: Location 'file:///opt/pypi/simple/x/' is ignored\n"
        "ERROR: Could not find a version that satisfies the requirement mkdocs-to-pdf==0.12.1\n"
        "ERROR: No matching distribution found for mkdocs-to-pdf==0.12.1\n"
        "WARNING: Retrying after connection broken\n"
    )
    assert last_error_line(stderr) == "ERROR: No matching distribution found for mkdocs-to-pdf==0.12.1"
    assert last_error_line("") == "no output"


def test_the_bench_goes_on_when_the_peer_cannot_be_installed(tmp_path, monkeypatch):
    def offline():
        raise bench.PeerUnavailable("ERROR: No matching distribution found for mkdocs-to-pdf==0.12.1")

    monkeypatch.setattr(bench, "peer_environment", offline)
    assert bench.peer_pdfs(tmp_path) == {
        "version": "0.12.1",
        "not_measured": "no environment (ERROR: No matching distribution found for mkdocs-to-pdf==0.12.1)",
    }


def test_a_suite_never_run_is_reported_not_judged():
    assert bench.suite_verdicts(None) == [("Test suite (make test)", "not measured: run make test first", "", None)]


def test_a_suite_over_its_time_is_not_met_and_says_by_how_much():
    suite = {
        "seconds": 1494,
        "pdf_cache": "cold",
        "cores": 2,
        "finished": "2026-12-07T01:00:00+00:00",
        "seconds_per_file": {"tests/test_accessibility.py": 507, "tests/test_pdf.py": 177, "tests/test_x.py": 1},
    }
    ((what, result, target, met, by),) = bench.suite_verdicts(suite)
    assert (what, result, target, met) == (
        "Test suite, cold PDF cache, 2 cores (2026-12-07)",
        "24 min 54 s",
        "<= 8 min",
        False,
    )
    assert by == "+16.9 min; slowest files: test_accessibility.py 507 s, test_pdf.py 177 s, test_x.py 1 s"
