"""Lock files with hashes, made from the requirements by one command: `make lock` (python -m scripts.lock).

requirements.txt      -> requirements.lock      the site and its PDFs
requirements-dev.txt  -> requirements-dev.lock  the site, the tests and the linter (what `make` installs)

Both are resolved under constraints.txt (the exact versions of every package, direct or not, that
requirements.txt names with `-c`) by uv's `pip compile --generate-hashes`, so the lock files list the same versions
with the SHA-256 of every file PyPI has for them; `pip install --require-hashes -r requirements-dev.lock` then refuses
any file whose hash differs. Installing needs only pip; uv is needed only to write the lock files.

Each lock file records in its third line the SHA-256 of its inputs (the requirement files it reads and the uv options
below). tests/test_lock.py recomputes it offline and fails when an input changed after the last `make lock`, and
checks that every version pinned in the inputs is the one locked.

python -m scripts.lock           # write both lock files (needs PyPI)
python -m scripts.lock --check   # exit 1 if a lock file is out of date with its inputs (offline)
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# lock file -> the requirement file it is compiled from, then every file that file reads
LOCKS = {
    "requirements.lock": ["requirements.txt", "constraints.txt"],
    "requirements-dev.lock": ["requirements-dev.txt", "requirements.txt", "constraints.txt"],
}
# The oldest Python the pins allow (pymdown-extensions 13.1 needs 3.11.5).
PYTHON_VERSION = "3.11.5"
# --no-strip-extras: pip must see that fonttools[woff] (wanted by weasyprint) is locked too.
OPTIONS = [
    "--generate-hashes",
    "--no-strip-extras",
    "--python-version",
    PYTHON_VERSION,
    "--custom-compile-command",
    "make lock",
]
DIGEST_LINE = "# inputs sha256: {digest} (the requirement files it is made from and the options of scripts/lock.py)"
DIGEST_RE = re.compile(r"^# inputs sha256: ([0-9a-f]{64})", re.MULTILINE)
PIN_RE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\#]+)", re.MULTILINE)


def inputs_digest(lock: str, root: Path = ROOT) -> str:
    """SHA-256 over the lock file's inputs (names and text, line endings normalised) and the uv options."""
    digest = hashlib.sha256()
    for name in LOCKS[lock]:
        text = (root / name).read_text(encoding="utf-8").replace("\r\n", "\n")
        digest.update(f"{name}\0{text}\0".encode())
    digest.update(" ".join(OPTIONS).encode())
    return digest.hexdigest()


def recorded_digest(text: str) -> str | None:
    found = DIGEST_RE.search(text)
    return found.group(1) if found else None


def pins(text: str) -> dict[str, str]:
    """name (normalised as pip does) -> version, for every `name==version` line."""
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in PIN_RE.findall(text)}


def problems(root: Path = ROOT) -> list[str]:
    """Why a lock file is not what `make lock` would write from the inputs as they are (empty if none)."""
    out = []
    for lock, inputs in LOCKS.items():
        path = root / lock
        if not path.is_file():
            out.append(f"{lock}: missing: run `make lock`")
            continue
        text = path.read_text(encoding="utf-8")
        recorded = recorded_digest(text)
        if recorded != inputs_digest(lock, root):
            changed = "has no inputs line" if recorded is None else f"is older than {', '.join(inputs)}"
            out.append(f"{lock} {changed}: run `make lock` and commit the lock files")
        locked = pins(text)
        for name in inputs:
            for package, version in pins((root / name).read_text(encoding="utf-8")).items():
                if name == "constraints.txt" and package not in locked:
                    continue  # a constraint only limits what is installed for another reason
                if locked.get(package) != version:
                    out.append(
                        f"{lock}: {name} pins {package}=={version}, the lock has "
                        f"{locked.get(package, 'no such package')}: run `make lock`"
                    )
        for block in re.split(r"\n(?=[A-Za-z0-9])", text):
            if PIN_RE.match(block) and "--hash=sha256:" not in block:
                out.append(f"{lock}: {block.split()[0]} has no hash: run `make lock`")
    return out


def uv_binary() -> str:
    try:
        from uv import find_uv_bin

        return find_uv_bin()
    except ImportError:
        found = shutil.which("uv")
        if not found:
            sys.exit("uv is not installed: `make lock` installs it into .venv from requirements-dev.lock")
        return found


def write(lock: str, root: Path = ROOT) -> None:
    source = LOCKS[lock][0]
    result = subprocess.run(
        [uv_binary(), "pip", "compile", "--quiet", "--no-config", source, *OPTIONS],
        cwd=root,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"uv could not lock {source}:\n{result.stderr}")
    lines = result.stdout.splitlines(keepends=True)
    header = 0
    while header < len(lines) and lines[header].startswith("#"):
        header += 1
    digest = DIGEST_LINE.format(digest=inputs_digest(lock, root)) + "\n"
    (root / lock).write_text("".join(lines[:header]) + digest + "".join(lines[header:]), encoding="utf-8")
    print(f"wrote {lock} from {source}")


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        found = problems()
        print("\n".join(found) or "the lock files are up to date with their inputs")
        return 1 if found else 0
    if argv:
        print(__doc__)
        return 2
    for lock in LOCKS:
        write(lock)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
