"""The lock files are what `make lock` writes from the requirements as they are now (offline: no resolver runs)."""

from __future__ import annotations

import re
import shutil

from conftest import ROOT
from scripts import lock


def copy_inputs(tmp_path):
    for name in {name for inputs in lock.LOCKS.values() for name in inputs} | set(lock.LOCKS):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def test_the_lock_files_are_up_to_date_with_their_inputs():
    assert lock.problems(ROOT) == [], "run `make lock` and commit requirements.lock and requirements-dev.lock"


def test_every_locked_package_has_a_pinned_version_and_hashes():
    for name in lock.LOCKS:
        text = (ROOT / name).read_text(encoding="utf-8")
        blocks = [block for block in re.split(r"\n(?=[A-Za-z0-9])", text) if lock.PIN_RE.match(block)]
        assert len(blocks) > 40, name
        assert all("--hash=sha256:" in block for block in blocks), name


def test_a_changed_requirement_makes_the_lock_out_of_date(tmp_path):
    root = copy_inputs(tmp_path)
    path = root / "requirements.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("qrcode==8.2", "qrcode==8.3"), encoding="utf-8")
    found = lock.problems(root)
    assert (
        "requirements.lock is older than requirements.txt, constraints.txt: run `make lock` and commit the lock files"
        in found
    )
    assert any("requirements.txt pins qrcode==8.3, the lock has 8.2" in line for line in found)
    assert any(line.startswith("requirements-dev.lock is older than") for line in found)


def test_a_changed_constraint_makes_the_lock_out_of_date(tmp_path):
    root = copy_inputs(tmp_path)
    path = root / "constraints.txt"
    path.write_text(path.read_text(encoding="utf-8") + "# a comment is a change too\n", encoding="utf-8")
    assert len([line for line in lock.problems(root) if "is older than" in line]) == 2


def test_a_hand_edited_lock_is_caught(tmp_path):
    root = copy_inputs(tmp_path)
    path = root / "requirements.lock"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^qrcode==8\.2 \\\n(    --hash=\S+ \\\n)*    --hash=\S+", "qrcode==8.2", text, flags=re.M))
    assert lock.problems(root) == ["requirements.lock: qrcode==8.2 has no hash: run `make lock`"]
    path.write_text("".join(line for line in text.splitlines(True) if not line.startswith("# inputs sha256")))
    assert lock.problems(root) == ["requirements.lock has no inputs line: run `make lock` and commit the lock files"]


def test_the_makefile_installs_the_lock_with_hashes_required():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements-dev.lock" in makefile
    assert re.search(r"^lock:.*\n\t\$\(PY\) -m scripts\.lock$", makefile, re.M)
