"""Read an XLSForm through pyxform's XLSForm-to-JSON step into the typed model.

pyxform does the checking (a form it rejects is rejected here with its message); the full
XForm conversion and ODK Validate (Java, seconds) are left to the tests. The survey sheet is
also read with openpyxl, only to know the row of each name for error messages.
"""

import csv
import re
from pathlib import Path

import openpyxl
from pyxform.builder import create_survey_element_from_dict
from pyxform.errors import PyXFormError
from pyxform.xls2json import workbook_to_json
from pyxform.xls2json_backends import get_xlsform

from dtks.forms.errors import ExprEvalError, ExprSyntaxError, FormError
from dtks.forms.expr.ast import Name, Node, calls, refs
from dtks.forms.expr.evaluate import check_call
from dtks.forms.expr.parser import parse
from dtks.forms.model import Choice, Expression, Field

_TYPES = {"select one": "select_one", "select all that apply": "select_multiple", "photo": "image"}
_TRUE = {"yes", "true", "true()", "1"}
_OR_OTHER_RELEVANT = re.compile(r"^selected\(\.\./([A-Za-z_][\w.\-]*), 'other'\)$")
_FALSE = {"", "no", "false", "false()", "0"}


def read_xlsform(path: Path) -> tuple[dict, dict[str, int]]:
    """pyxform's JSON for the form and the survey-sheet row of each name; FormError if rejected."""
    warnings: list[str] = []
    try:
        workbook = get_xlsform(xlsform=str(path))
        data = workbook_to_json(
            workbook_dict=workbook,
            form_name=None,
            fallback_form_name=workbook.fallback_form_name,
            warnings=warnings,
        )
        create_survey_element_from_dict(data)  # pyxform's own structural checks
    except PyXFormError as e:
        raise FormError(f"{path.name}: {e}") from e
    return data, _rows(path)


def _rows(path: Path) -> dict[str, int]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = next(s for s in book.worksheets if s.title.strip().lower() == "survey")
        rows = sheet.iter_rows(values_only=True)
        header = [str(h or "").strip().lower() for h in next(rows, ())]
        col = header.index("name") if "name" in header else None
        found: dict[str, int] = {}
        for number, row in enumerate(rows, start=2):
            if col is not None and col < len(row) and row[col] not in (None, ""):
                found.setdefault(str(row[col]).strip(), number)
        return found
    finally:
        book.close()


class Builder:
    """Turns pyxform's JSON into Field trees, checking every expression on the way."""

    def __init__(self, data: dict, rows: dict[str, int], source: str, folder: Path | None = None):
        self.rows = rows
        self.source = source
        self.folder = folder
        """Where the form lies: select_one_from_file reads its CSV from there."""
        self.default_language = data.get("default_language") or "default"
        self.names: set[str] = set()
        self.languages: set[str] = set()

    def fields(self, children: list[dict], repeats: tuple[str, ...], row: int) -> list[Field]:
        """Build the fields of one level, skipping pyxform's generated meta group."""
        out = []
        for child in children:
            if child.get("name") == "meta" and child.get("control", {}).get("bodyless"):
                continue
            out.append(self.field(child, repeats, row))
        names = {f.name for f in out}
        for f in out:  # pyxform expands or_other into an 'other' choice and a NAME_other text
            f.or_other = "other" in f.codes and f"{f.name}_other" in names
        return out

    def field(self, d: dict, repeats: tuple[str, ...], parent_row: int) -> Field:
        """Build one field (and its children)."""
        name = d["name"]
        self.names.add(name)
        raw_type = d.get("type", "")
        # pyxform's generated 'specify other' field has no row of its own: use its select's.
        row = self.rows.get(name) or self.rows.get(name.removesuffix("_other")) or parent_row
        bind = d.get("bind", {})
        control = d.get("control", {})
        f = Field(name=name, type=_TYPES.get(raw_type, raw_type), row=row, repeats=repeats)
        f.label = self.texts(d.get("label"))
        f.hint = self.texts(d.get("hint"))
        f.required = self.flag(bind.get("required"), "required", row)
        f.required_message = self.texts(bind.get("jr:requiredMsg"))
        # pyxform's or_other writes "selected(../s, 'other')": show it as the author would.
        relevant = _OR_OTHER_RELEVANT.sub(r"selected(${\1}, 'other')", bind.get("relevant", ""))
        f.relevant = self.expression(relevant, "relevant", row)
        f.constraint = self.expression(bind.get("constraint"), "constraint", row)
        f.constraint_message = self.texts(bind.get("jr:constraintMsg"))
        f.calculation = self.expression(bind.get("calculate"), "calculation", row)
        f.read_only = self.flag(bind.get("readonly"), "read_only", row)
        f.bind = bind.get("dtks:field")
        f.appearance = control.get("appearance")
        f.repeat_count = self.expression(control.get("jr:count"), "repeat_count", row)
        f.choice_filter = self.expression(d.get("choice_filter"), "choice_filter", row)
        f.default = self.default(d, row)
        f.parameters = dict(d.get("parameters") or {})
        f.list_name = d.get("list_name") or d.get("itemset")
        f.choices = tuple(self.choice(c) for c in d.get("choices") or ())
        itemset = str(d.get("itemset") or "")
        if not f.choices and "." in itemset:
            f.choices = self.file_choices(itemset, row)
        inner = repeats + (name,) if f.type == "repeat" else repeats
        f.children = self.fields(d.get("children") or [], inner, row)
        return f

    def default(self, d: dict, row: int) -> str | Expression | None:
        """A static default as text; a dynamic one (today(), ${x}) as an expression."""
        value = d.get("default")
        if value in (None, ""):
            return None
        if d.get("_dynamic_default"):
            return self.expression(str(value), "default", row)
        return str(value)

    def file_choices(self, file_name: str, row: int) -> tuple[Choice, ...]:
        """select_one_from_file / select_multiple_from_file: the choices of a CSV beside the
        form (columns name, label or label::<language>, and any others for choice_filter)."""
        where = f"{self.source}: survey sheet, row {row}, column type"
        if not file_name.lower().endswith(".csv"):
            raise FormError(f"{where}: choices from {file_name} are not supported, only .csv files")
        path = (self.folder or Path(".")) / file_name
        try:
            with path.open(newline="", encoding="utf-8-sig") as f:
                rows = list(csv.DictReader(f))
        except FileNotFoundError:
            raise FormError(f"{where}: {file_name} not found beside the form ({path})") from None
        except (OSError, UnicodeDecodeError, csv.Error) as e:
            raise FormError(f"{where}: cannot read {file_name}: {e}") from e
        if rows and "name" not in rows[0]:
            raise FormError(f"{where}: {file_name} has no 'name' column")
        return tuple(self.csv_choice(r) for r in rows if (r.get("name") or "").strip())

    def csv_choice(self, r: dict) -> Choice:
        """One CSV row as a choice; label::English (en) columns become languages."""
        label: dict[str, str] = {}
        for key, value in r.items():
            if key and (key == "label" or key.startswith("label::")) and value:
                label[key.removeprefix("label::") if "::" in key else self.default_language] = value
        self.languages.update(k for k in label if k != "default")
        columns = {k: (v or "") for k, v in r.items() if k and k != "label"}
        columns["name"] = r["name"].strip()
        return Choice(name=columns["name"], label=label, columns=columns)

    def choice(self, c: dict) -> Choice:
        """One choice row; columns other than name/label/media stay for choice_filter."""
        extra = {k: str(v) for k, v in c.items() if k not in ("name", "label", "media")}
        extra["name"] = str(c["name"])
        return Choice(name=str(c["name"]), label=self.texts(c.get("label")), columns=extra)

    def texts(self, value) -> dict[str, str]:
        """A label/hint/message as {language key: text}."""
        if value in (None, ""):
            return {}
        if isinstance(value, dict):
            self.languages.update(value)
            return {k: str(v) for k, v in value.items()}
        return {self.default_language: str(value)}

    def flag(self, value, column: str, row: int) -> Expression | bool:
        """required / read_only: yes/no, or an expression."""
        text = str(value or "").strip()
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        return self.expression(text, column, row)

    def expression(self, text, column: str, row: int) -> Expression | None:
        """Parse and check one expression cell; FormError naming sheet, row and column."""
        if text in (None, ""):
            return None
        text = str(text)
        where = f"{self.source}: survey sheet, row {row}, column {column}"
        try:
            tree = parse(text)
            for call in calls(tree):
                check_call(call.name, len(call.args))
        except (ExprSyntaxError, ExprEvalError) as e:
            raise FormError(f"{where}: {e}") from e
        if column != "choice_filter":
            self._no_bare_names(tree, where)
        return Expression(text=text, tree=tree, column=column, row=row)

    def _no_bare_names(self, tree: Node, where: str) -> None:
        stack = [tree]
        while stack:
            n = stack.pop()
            if isinstance(n, Name):
                raise FormError(
                    f"{where}: bare name {n.name!r} is only allowed in a choice_filter; "
                    f"write ${{{n.name}}} for a field or '{n.name}' for text"
                )
            stack.extend(getattr(n, "args", ()) or ())
            for attr in ("left", "right", "operand"):
                if hasattr(n, attr):
                    stack.append(getattr(n, attr))

    def check_references(self, fields: list[Field]) -> None:
        """Every ${name} must name a field of the form."""
        for f in _walk(fields):
            for e in f.expressions():
                for name in sorted(refs(e.tree) - self.names):
                    raise FormError(
                        f"{self.source}: {e.where}: ${{{name}}} is not a field of the form"
                    )


def _walk(fields: list[Field]):
    for f in fields:
        yield f
        yield from _walk(f.children)
