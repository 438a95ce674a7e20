"""A new writer cannot slip past `services.safe_cells`: only that module makes openpyxl workbooks and cells.

The rule, read from the source (AST) of every module of the program:
- nobody but `services/safe_cells.py` imports openpyxl's `Workbook`, `Cell` or `WriteOnlyCell`;
- in a module that uses openpyxl or safe_cells, no row or value is put on a worksheet by hand:
  no `ws.append(...)`, `ws.cell(..., value=...)`, `ws["A1"] = ...` on a raw worksheet (a `.ws`, a
  `create_sheet(...)`, a workbook's `.active`), and no `cell.value = ...`.
Rows go in through `Sheet.append`, which keeps user text as text (OWASP CSV injection).
"""

from __future__ import annotations

import ast
from pathlib import Path

import onestop_desktop

PACKAGE = Path(onestop_desktop.__file__).resolve().parent
HELPER = PACKAGE / "services" / "safe_cells.py"
RAW_NAMES = {"Workbook", "Cell", "WriteOnlyCell", "MergedCell"}
SHEET_SOURCES = {"create_sheet", "get_sheet_by_name"}


def _is_raw_sheet(node: ast.AST, raw: set[str]) -> bool:
    if isinstance(node, ast.Name):
        return node.id in raw
    if isinstance(node, ast.Attribute):
        return node.attr in ("ws", "active")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in SHEET_SOURCES
    return False


def violations(source: str, name: str = "<module>") -> list[str]:
    """Where `source` writes a workbook around safe_cells (empty when it does not)."""
    tree = ast.parse(source)
    found: list[str] = []
    uses_sheets = False
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("openpyxl"):
            uses_sheets = True
            found += [
                f"{name}:{node.lineno} imports openpyxl's {a.name}" for a in node.names if a.name in RAW_NAMES
            ]
            # openpyxl.cell.text holds the parser of a cell's rich text (the log-book reader's inline
            # strings): it reads, it makes no cell; every other module under openpyxl.cell makes cells
            reads_only = node.module == "openpyxl.cell.text"
            if node.module.startswith(("openpyxl.cell", "openpyxl.workbook")) and not reads_only:
                found.append(f"{name}:{node.lineno} imports {node.module}")
        elif isinstance(node, ast.Import) and any(a.name.startswith("openpyxl") for a in node.names):
            uses_sheets = True
        elif isinstance(node, ast.ImportFrom) and node.module and "safe_cells" in node.module:
            uses_sheets = True
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in RAW_NAMES
            and ast.unparse(node.value) == "openpyxl"
        ):
            found.append(f"{name}:{node.lineno} uses openpyxl.{node.attr}")
    if not uses_sheets:
        return found
    raw: set[str] = set()  # names bound to a raw worksheet: ws = sheet.ws, ws = wb.create_sheet(...)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _is_raw_sheet(node.value, set()):
            raw |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver, what = node.func.value, node.func.attr
            if what == "append" and _is_raw_sheet(receiver, raw):
                found.append(f"{name}:{node.lineno} appends to a raw worksheet: {ast.unparse(node)[:60]}")
            if what == "cell" and _is_raw_sheet(receiver, raw):
                if len(node.args) >= 3 or any(k.arg == "value" for k in node.keywords):
                    found.append(f"{name}:{node.lineno} writes a raw cell: {ast.unparse(node)[:60]}")
        if isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr == "value":
                    found.append(f"{name}:{node.lineno} sets a cell's value: {ast.unparse(target)}")
                if isinstance(target, ast.Subscript) and _is_raw_sheet(target.value, raw):
                    found.append(f"{name}:{node.lineno} assigns a cell: {ast.unparse(target)}")
    return found


def test_no_module_writes_a_workbook_around_safe_cells() -> None:
    found = [
        v
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != HELPER
        for v in violations(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))
    ]
    assert found == []


def test_the_guard_sees_the_ways_around() -> None:
    """The writers as they were before safe_cells (each line one way a formula got in)."""
    old = """
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

def write(rows, names):
    wb = Workbook()
    ws = wb.active
    ws.append(["Mã", "Tên"])
    for r in rows:
        ws.append(r)
    other = wb.create_sheet("B")
    other["A1"] = names[0]
    other.cell(row=2, column=1, value=names[1])
    c = WriteOnlyCell(other, value=names[2])
    c.value = names[3]
    sheet = object()
    sheet.ws.append(names)
"""
    found = violations(old)
    assert len(found) == 9, found
    fine = """
from onestop_desktop.services.safe_cells import Book

def write(rows):
    book = Book()
    sheet = book.sheet("A")
    sheet.append(["Mã", "Tên"])
    ws = sheet.ws
    ws.column_dimensions["A"].width = 10
    for cell in ws[1]:
        cell.font = None
    items = []
    items.append(1)
"""
    assert violations(fine) == []
