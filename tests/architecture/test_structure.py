"""The code's shape holds: layers checked by import-linter, status changes only in the
workflow modules, no module past 400 lines, no function-level import without a reason."""

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("portal", "instruments", "reviews", "engagement")
MAX_LINES = 400


def _code_files(*tops):
    for top in tops:
        if (ROOT / top).is_file():
            yield ROOT / top
            continue
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _status_writes(path: Path) -> list[str]:
    """Each place in ``path`` that assigns a ``status``: ``obj.status = ...`` (plain, augmented
    or in a tuple), ``setattr(obj, "status", ...)`` or ``queryset.update(status=...)``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []

    def targets(node):
        if isinstance(node, ast.Tuple | ast.List):
            for element in node.elts:
                yield from targets(element)
        else:
            yield node

    for node in ast.walk(tree):
        assigned = []
        if isinstance(node, ast.Assign):
            assigned = [t for target in node.targets for t in targets(target)]
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            assigned = list(targets(node.target))
        if any(isinstance(t, ast.Attribute) and t.attr == "status" for t in assigned):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name == "update" and any(k.arg == "status" for k in node.keywords):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if name == "setattr" and len(node.args) > 1:
                key = node.args[1]
                if isinstance(key, ast.Constant) and key.value == "status":
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_only_the_workflow_modules_change_a_status():
    outside = [
        place
        for path in _code_files(*APPS)
        if "workflows" not in path.parts
        for place in _status_writes(path)
    ]
    assert outside == []


def test_the_check_finds_status_writes(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "a.status = 1\nb.status, c = 2, 3\nsetattr(d, 'status', 4)\n"
        "Model.objects.filter().update(status='x')\nd.staged_status = 5\n"
    )
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert [place.split(":")[1] for place in _status_writes(sample)] == ["1", "2", "3", "4"]
    finally:
        ROOT = saved


def test_every_workflow_module_changes_a_status():
    workflows = [p for p in _code_files(*APPS) if "workflows" in p.parts]
    names = {p.relative_to(ROOT).as_posix() for p in workflows if _status_writes(p)}
    assert names == {
        "engagement/workflows/applications.py",
        "engagement/workflows/dialogues.py",
        "engagement/workflows/letter_exports.py",
        "portal/workflows/outbox.py",
    }


def test_no_module_is_longer_than_400_lines():
    long = {
        path.relative_to(ROOT).as_posix(): lines
        for path in _code_files(*APPS, "bench", "fixtures")
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


NOQA_WITH_REASON = re.compile(r"#\s*noqa:[^#]*PLC0415[ ,]*-\s*\S")


def test_every_function_level_import_says_why():
    """ruff's PLC0415 refuses a function-level import; its noqa must carry a reason."""
    bare = []
    for path in _code_files(*APPS, "bench", "tests", "manage.py"):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.search(r"#\s*noqa:.*PLC0415", line) and not NOQA_WITH_REASON.search(line):
                bare.append(f"{path.relative_to(ROOT)}:{number}")
    assert bare == []


def test_the_layers_contract_holds():
    """import-linter: portal < instruments < reviews < engagement, and services never import
    tasks (also run by make test)."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert "2 kept, 0 broken" in result.stdout
