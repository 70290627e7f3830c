"""Convert the shared kode wilayah CSV into the compact table shipped in resources/.

Usage: python resources/wilayah/convert.py ../shared/data/kode_wilayah.csv

The output, ``kode_wilayah.tsv.gz``, holds one ``code<TAB>name`` line per region with
plain (undotted) codes, sorted by code. Gzip keeps the repository and the installer small
(about 0.7 MB) and decompressing it takes a few milliseconds.
"""

import csv
import gzip
import sys
from pathlib import Path

OUT = Path(__file__).with_name("kode_wilayah.tsv.gz")


def convert(source: Path, out: Path = OUT) -> int:
    """Write the compact table from the dotted CSV; return the number of rows."""
    with source.open(encoding="utf-8", newline="") as f:
        rows = [(r["kode"].replace(".", ""), r["nama"].strip()) for r in csv.DictReader(f)]
    rows.sort()
    text = "".join(f"{code}\t{name}\n" for code, name in rows)
    # mtime=0 keeps the file byte-identical between runs, so git sees no change.
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        f.write(text.encode("utf-8"))
    return len(rows)


if __name__ == "__main__":
    print(convert(Path(sys.argv[1])), "rows written to", OUT)
