"""The README's commands install the versions CI tested (constraints.txt), and quietly."""

from __future__ import annotations

import re
import subprocess
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]).lower()


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not pinned with =="
            pins[_name(name)] = version.strip()
    return pins


def test_every_dependency_is_pinned() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += extra
    pins = _pins()
    missing = sorted({_name(r) for r in wanted} - set(pins))
    assert not missing, f"not in constraints.txt (run scripts/refresh-constraints.sh): {missing}"


def test_setup_installs_with_the_constraints() -> None:
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert re.search(r"pip install -q -c constraints\.txt -e", setup)


def test_the_running_environment_is_the_pinned_one() -> None:
    """CI builds its environment with scripts/setup.sh: what runs the tests is what is pinned."""
    differs = {}
    for name, version in _pins().items():
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # pinned for another platform or an extra not installed here
        if have != version:
            differs[name] = (have, version)
    assert not differs, f"installed vs pinned: {differs}"


def test_a_second_setup_prints_only_the_version_line() -> None:
    """Every start ran pip, which printed setuptools' editable-install warning box."""
    subprocess.run(["bash", "scripts/setup.sh", "--dev"], cwd=ROOT, check=True, capture_output=True)
    again = subprocess.run(["bash", "scripts/setup.sh"], cwd=ROOT, check=True, capture_output=True, text=True)
    lines = [x for x in (again.stdout + again.stderr).splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("OneStop Desktop "), lines
