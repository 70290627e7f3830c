"""Run a form over an answer set: fill in calculations, then decide what is relevant.

Calculations are computed in dependency order (every instance of a repeat for a calculation
in a repeat) and stored as text, as an XForm stores them; a NaN result is stored as ''.
Relevance then walks the form in document order: a field is relevant when its own relevant
expression holds and every enclosing group and repeat is relevant; calculations that are
not relevant are blanked, as ODK does.
"""

from dataclasses import dataclass, field
from datetime import datetime

from dtks.forms.errors import ExprEvalError, FormError
from dtks.forms.expr.ast import refs
from dtks.forms.expr.evaluate import Context, value_of
from dtks.forms.expr.values import to_bool, to_string
from dtks.forms.model import Expression, Field


@dataclass
class State:
    """An answer set with its calculations filled in, and what is relevant."""

    data: dict
    """A copy of the answers with every calculation's value."""
    relevant: dict[str, bool] = field(default_factory=dict)
    """Path -> relevant, for every field instance, groups and repeats included."""
    calculated: dict[str, str] = field(default_factory=dict)
    """Path -> value of every calculation."""
    errors: list[tuple[str, Field, Expression, str]] = field(default_factory=list)
    """(path, field, expression, message) for each expression that failed on these answers."""


def calculation_order(fields: list[Field], source: str) -> list[Field]:
    """The calculate fields, each after those it refers to; FormError on a cycle."""
    calcs = {f.name: f for f in walk(fields) if f.calculation is not None}
    order: list[Field] = []
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(f: Field, chain: list[str]):
        if state.get(f.name) == 2:
            return
        if state.get(f.name) == 1:
            cycle = " -> ".join(chain[chain.index(f.name) :] + [f.name])
            raise FormError(f"{source}: {f.calculation.where}: circular calculation {cycle}")
        state[f.name] = 1
        for name in sorted(refs(f.calculation.tree)):
            if name in calcs:
                visit(calcs[name], chain + [f.name])
        state[f.name] = 2
        order.append(f)

    for f in calcs.values():
        visit(f, [])
    return order


def walk(fields: list[Field]):
    """Every field of a tree, depth first in document order."""
    for f in fields:
        yield f
        yield from walk(f.children)


def repeats_at(fields: list[Field]) -> list[Field]:
    """The repeats of one answer level (groups do not nest answers, so look through them)."""
    out = []
    for f in fields:
        if f.type == "repeat":
            out.append(f)
        elif f.type == "group":
            out.extend(repeats_at(f.children))
    return out


def instances_of(value) -> list[dict]:
    """A repeat's instances; anything that is not a list of dicts counts as none."""
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, dict)]


def copy_answers(answers: dict, fields: list[Field]) -> dict:
    """Copy the answer tree (not the values), so calculations can be written into it."""
    out = dict(answers)
    for r in repeats_at(fields):
        out[r.name] = [copy_answers(inst, r.children) for inst in instances_of(answers.get(r.name))]
    return out


def compute(fields: list[Field], calcs: list[Field], answers: dict, now: datetime | None) -> State:
    """Fill in calculations and work out relevance for ``answers``."""
    state = State(copy_answers(answers if isinstance(answers, dict) else {}, fields))
    ctx = Context(state.data, now)
    for f in calcs:
        for scope, indexes in _instances(state.data, f.repeats):
            ctx.scope, ctx.indexes = scope, indexes
            ctx.dot = value_of(scope[-1].get(f.name))  # '.' of a calculation: once() keeps it
            try:
                value = stored(f.calculation.run(ctx))
            except ExprEvalError as e:
                state.errors.append((_path(f.repeats, indexes, f.name), f, f.calculation, str(e)))
                value = ""
            scope[-1][f.name] = value
    ctx.scope, ctx.indexes, ctx.dot = [state.data], [], ""
    _relevance(fields, ctx, "", True, state)
    return state


def stored(value) -> str:
    """A calculated value as stored in the answers: text, with NaN as ''."""
    if isinstance(value, float) and value != value:
        return ""
    return to_string(value)


def _instances(data: dict, repeats: tuple[str, ...]):
    if not repeats:
        yield [data], []
        return
    for scope, indexes in _instances(data, repeats[:-1]):
        for i, inst in enumerate(scope[-1].get(repeats[-1]) or ()):
            yield scope + [inst], indexes + [i]


def _path(repeats: tuple[str, ...], indexes: list[int], name: str) -> str:
    return "".join(f"{r}[{i}]." for r, i in zip(repeats, indexes, strict=True)) + name


def _relevance(fields: list[Field], ctx: Context, prefix: str, parent: bool, state: State):
    relevant = state.relevant
    for f in fields:
        path = prefix + f.name
        ok = parent
        if ok and f.relevant is not None:
            ok = holds(f.relevant, ctx, path, f, state)
        relevant[path] = ok
        if f.children:
            if f.type == "repeat":
                scope = ctx.scope
                for i, inst in enumerate(scope[-1].get(f.name) or ()):
                    ctx.scope = scope + [inst]
                    ctx.indexes.append(i)
                    _relevance(f.children, ctx, f"{path}[{i}].", ok, state)
                    ctx.indexes.pop()
                ctx.scope = scope
            else:
                _relevance(f.children, ctx, prefix, ok, state)
        elif f.calculation is not None:
            if not ok:
                ctx.scope[-1][f.name] = ""
            state.calculated[path] = ctx.scope[-1].get(f.name, "")


def holds(e: Expression, ctx: Context, path: str, f: Field, state: State) -> bool:
    """Evaluate ``e`` as a boolean; a failure is recorded and counts as true (shown, checked)."""
    try:
        return to_bool(e.run(ctx))
    except ExprEvalError as err:
        state.errors.append((path, f, e, str(err)))
        return True
