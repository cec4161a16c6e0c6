"""Reads the COPY data of certificates_certificate (pg_restore --data-only --file=-) on stdin and
writes two lists for deploy/backup: the PDF names the dumped rows point at (argv[1]) and the
serials of rows dumped before their PDF was stored (argv[2])."""

from __future__ import annotations

import re
import sys

COPY = re.compile(r"^COPY \S+ \((?P<columns>[^)]*)\) FROM stdin;$")


def unescape(value: str) -> str:
    # COPY text format: \N is NULL; names and serials hold no other escapes.
    return "" if value == r"\N" else value.replace("\\\\", "\\")


def main() -> None:
    names, pending = [], []
    columns: list[str] | None = None
    for line in sys.stdin:
        line = line.rstrip("\n")
        if columns is None:
            match = COPY.match(line)
            if match:
                columns = [c.strip().strip('"') for c in match["columns"].split(",")]
            continue
        if line == r"\.":
            break
        row = dict(zip(columns, line.split("\t"), strict=True))
        pdf = unescape(row["pdf"])
        if pdf:
            names.append(pdf)
        else:
            pending.append(unescape(row["serial"]))
    with open(sys.argv[1], "w") as out:
        out.writelines(f"{name}\n" for name in names)
    with open(sys.argv[2], "w") as out:
        out.writelines(f"{serial}\n" for serial in pending)


if __name__ == "__main__":
    main()
