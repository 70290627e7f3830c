"""Data for bench_store_pull and bench_store_search (not a benchmark itself): synthetic pulls."""

from __future__ import annotations

from dtks import prelist, sample
from dtks.model import Household, Member


def _typed(columns: dict, row: dict) -> dict:
    out = {}
    for name, text in row.items():
        if name in ("household_id", "member_id", "anomaly") or not text:
            continue
        try:
            out[name] = prelist.parse_value(columns[name], text)
        except prelist.InvalidValue:
            out[name] = text  # the sample's planted defects stay as text
    return out


def households(n: int, wilayah: str = "32.04", seed: int = 1) -> list[Household]:
    """n pulled households (version 1) with their members, values typed as the server sends them."""
    out = []
    for row, members in sample.iter_prelist(n, wilayah, seed):
        out.append(
            Household(
                household_id=row["household_id"],
                version=1,
                values=_typed(prelist.HOUSEHOLD_COLUMNS, row),
                members=[
                    Member(member_id=m["member_id"], values=_typed(prelist.MEMBER_COLUMNS, m))
                    for m in members
                ],
            )
        )
    return out


def machine() -> str:
    """uname -m and the CPU model, for the report."""
    import platform

    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{platform.machine()}, {cpu}, {__import__('os').cpu_count()} CPUs"
