"""PDF speed: the example rendered to a PDF of 100+ pages, then read back.

Prints jixiao's PDF import time (bytes → model, with findings) as a ratio to pdfplumber's bare
``extract_tables()`` over all pages of the same file (aim ≤ 1.3×) and to the baseline commit's reading of the
same file (aim ≤ 1.2×), and PDF export time per page.

Run: .venv/bin/python bench/pdf_speed.py [--repeat N] [--runs R]
(``--repeat``: how many times the six projects are repeated, 18 by default, about 120 pages)
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pdfplumber

from baseline import BASELINE, baseline_src, timed_with
from jixiao.exporters.pdf import write_pdf
from jixiao.importers.pdf import extract_pdf_layout
from jixiao.kinds import read_document
from jixiao.model import PerformanceDocument

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "julu-zonggonghui-2024-draft.txt"


def arg(name: str, default: int) -> int:
    """An integer command-line option."""
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def big_document(repeat: int) -> PerformanceDocument:
    """The example with its projects repeated, each copy with its own code and name."""
    doc = read_document(EXAMPLE.read_bytes(), str(EXAMPLE))[0]
    projects = tuple(
        replace(p, code=f"{p.code[:-3]}{n:03d}", name=f"{p.name}（{n + 1}）")
        for n in range(repeat)
        for p in doc.projects
    )
    return replace(doc, projects=projects)


def bare_extract_tables(data: bytes) -> int:
    """pdfplumber alone: open the file and call extract_tables() on every page; the number of rows."""
    rows = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            rows += sum(len(t) for t in page.extract_tables())
    return rows


def timed(runs: int, fn: Callable[..., object], *args: object) -> float:
    """The median seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Render, read, compare and print the figures."""
    repeat, runs = arg("--repeat", 18), arg("--runs", 3)
    doc = big_document(repeat)
    start = time.perf_counter()
    data = write_pdf(doc)
    export = time.perf_counter() - start
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)

    back, findings = read_document(data, "big.pdf")  # warm: imports, and the check that it reads back
    rows = bare_extract_tables(data)
    bare = timed(runs, bare_extract_tables, data)
    layout = timed(runs, extract_pdf_layout, data, "big.pdf")
    full = timed(runs, read_document, data, "big.pdf")

    print(
        f"document: the example's {len(doc.projects) // repeat} projects × {repeat} = {len(doc.projects)} projects"
    )
    print(f"PDF: {pages} pages, {len(data) / 1e6:.1f} MB; read back equal: {'yes' if back == doc else 'NO'}")
    print(f"PDF export (write_pdf)            {export:7.2f} s   {export / pages * 1000:6.1f} ms/page")
    print(f"pdfplumber extract_tables() bare  {bare:7.2f} s   {rows} rows   (median of {runs})")
    print(f"jixiao layout (extract_pdf_layout){layout:7.2f} s   {layout / bare:5.2f}× bare")
    print(f"jixiao import (read_document)       {full:7.2f} s   {full / bare:5.2f}× bare   (aim ≤ 1.3×)")
    print(f"findings on reading: {len(findings)} ({', '.join(sorted({f.code for f in findings}))})")
    old = baseline_src()
    if old is not None:
        with tempfile.NamedTemporaryFile(suffix=".pdf") as saved:
            saved.write(data)
            saved.flush()
            code = _READS.format(path=saved.name, runs=runs)
            mine, theirs = timed_with(ROOT / "src", code), timed_with(old, code)
        print(
            f"  fresh process, median of {runs}: this code {mine:.2f} s, baseline {BASELINE} {theirs:.2f} s: "
            f"{mine / theirs:.2f}× (aim ≤ 1.2×)"
        )


_READS = """
import statistics, time
try:
    from jixiao.kinds import read_document
except ImportError:
    from jixiao.importers import read_document
data = open({path!r}, "rb").read()
times = []
for _ in range({runs}):
    start = time.perf_counter()
    read_document(data, "big.pdf")
    times.append(time.perf_counter() - start)
print(statistics.median(times))
"""


if __name__ == "__main__":
    main()
