"""Time sample pre-list generation: 100,000 households written to CSV, then built in memory.

Run: python bench/bench_sample.py [--households N] [--wilayah CODE] [--seed S]
Peak memory is the process's maximum resident set size (getrusage), which only grows: the
streaming write is measured first, the in-memory generate() second.
"""

import argparse
import platform
import resource
import tempfile
import time
from pathlib import Path

from dtks import wilayah
from dtks.sample import generate, write_prelist


def peak_mib() -> float:
    """The process's peak resident memory so far, MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Run both measurements and print them."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--wilayah", default="32")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    wilayah.table()  # the one-time table load is bench_wilayah's figure, not this one's
    base = peak_mib()
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        summary = write_prelist(out, args.households, args.wilayah, args.seed)
        write_s = time.perf_counter() - t0
        size = sum(f.stat().st_size for f in Path(out).iterdir())
    write_peak = peak_mib()

    t0 = time.perf_counter()
    households, members = generate(args.households, args.wilayah, args.seed)
    generate_s = time.perf_counter() - t0
    generate_peak = peak_mib()

    rows = summary.households + summary.members
    print(f"python {platform.python_version()}, {platform.machine()}")
    print(summary.text())
    print(
        f"write_prelist: {write_s:.2f} s, {summary.households / write_s:,.0f} households/s, "
        f"{rows / write_s:,.0f} rows/s, {size / 2**20:.1f} MiB of CSV, "
        f"peak RSS {write_peak:.0f} MiB (baseline {base:.0f} MiB)"
    )
    print(
        f"generate (in memory): {generate_s:.2f} s, {rows / generate_s:,.0f} rows/s, "
        f"peak RSS {generate_peak:.0f} MiB for {len(households)} + {len(members)} row dicts"
    )


if __name__ == "__main__":
    main()
