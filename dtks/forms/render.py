"""Render a form as Markdown, so that a change to a form shows in a readable diff.

python -m dtks.forms.render forms/verivali-dtks.xlsx > forms/verivali-dtks.md
"""

import sys

from dtks.forms.form import Form, load_form
from dtks.forms.model import Expression, Field


def render(form: Form) -> str:
    """The Markdown text of ``form``: header, one table row per field, then the choice lists."""
    langs = _languages(form)
    out = [
        f"# {form.title}",
        "",
        f"form_id `{form.id}` · version `{form.version}` · languages: {', '.join(langs)}",
        "",
        f"Generated from `{form.source}` by `python -m dtks.forms.render`; do not edit.",
        "",
    ]
    _level(form.fields, form, langs, out, 2, table_open=False)
    out += ["", "## Choice lists", ""]
    for name, choices in form.choices.items():
        extra = sorted({k for c in choices for k in c.columns} - {"name"})
        out += [f"### `{name}`", "", "| code | " + " | ".join(langs + extra) + " |"]
        out.append("|---" * (1 + len(langs) + len(extra)) + "|")
        for c in choices:
            cells = (
                [c.name]
                + [c.label.get(lang, "") for lang in langs]
                + [c.columns.get(k, "") for k in extra]
            )
            out.append("| " + " | ".join(_cell(x) for x in cells) + " |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


_HEAD = ["| row | name | type | label | logic |", "|---|---|---|---|---|"]


def _level(
    fields: list[Field], form: Form, langs: list[str], out: list[str], depth: int, table_open: bool
):
    for f in fields:
        if f.type in ("group", "repeat"):
            title = " / ".join(f.label.get(lang, "") for lang in langs if f.label.get(lang))
            kind = "repeat" if f.type == "repeat" else "group"
            if out[-1] != "":
                out.append("")
            out += [f"{'#' * min(depth, 6)} {title or f.name}", ""]
            facts = [f"{kind} `{f.name}` (row {f.row})"] + _logic(f, langs)
            out += ["; ".join(facts), ""]
            _level(f.children, form, langs, out, depth + 1, table_open=False)
            table_open = False
            continue
        if not table_open:
            out += ["", *_HEAD] if out[-1] != "" else _HEAD[:]
            table_open = True
        label = "<br>".join(
            ("*" + _cell(f.label[lang]) + "*") if i else _cell(f.label[lang])
            for i, lang in enumerate(langs)
            if f.label.get(lang)
        )
        type_ = (
            f.type
            + (f" `{f.list_name}`" if f.list_name else "")
            + (" or_other" if f.or_other else "")
        )
        logic = "<br>".join(_cell(x) for x in _logic(f, langs))
        out.append(f"| {f.row} | `{f.name}` | {type_} | {label} | {logic} |")


def _logic(f: Field, langs: list[str]) -> list[str]:
    items = []

    def expr(name: str, value):
        if isinstance(value, Expression):
            items.append(f"{name}: `{value.text}`")
        elif value is True:
            items.append(f"{name}: yes")
        elif isinstance(value, str) and value:
            items.append(f"{name}: {value}")

    expr("relevant", f.relevant)
    expr("required", f.required)
    expr("constraint", f.constraint)
    if f.constraint_message:
        items.append("message: " + " / ".join(f.constraint_message.get(lang, "") for lang in langs))
    expr("calculation", f.calculation)
    expr("default", f.default if isinstance(f.default, Expression) else (f.default or ""))
    expr("read_only", f.read_only)
    expr("choice_filter", f.choice_filter)
    expr("repeat_count", f.repeat_count)
    expr("appearance", f.appearance or "")
    expr("binds", f.bind or "")
    if f.hint:
        items.append(
            "hint: " + " / ".join(f.hint.get(lang, "") for lang in langs if f.hint.get(lang))
        )
    return items


def _languages(form: Form) -> list[str]:
    langs = list(form.languages) or [form.default_language]
    if form.default_language in langs:
        langs.remove(form.default_language)
        langs.insert(0, form.default_language)
    return langs


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    """Print the Markdown of each form named on the command line."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m dtks.forms.render FORM.xlsx...", file=sys.stderr)
        return 2
    for path in args:
        sys.stdout.write(render(load_form(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
