"""Export speed: DOCX, XLSX and HTML per document, PDF per page, for the example.

Run: make bench   (or .venv/bin/python bench/export_speed.py [--runs N])
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from jixiao.exporters import write_document
from jixiao.kinds import read_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "julu-zonggonghui-2024-draft.txt"


def timed(fmt: str, runs: int) -> tuple[float, bytes]:
    """Median seconds to write the example in a format, and the last output."""
    doc, _ = read_document(EXAMPLE.read_bytes(), str(EXAMPLE))
    out = write_document(doc, fmt)  # warm: imports, fonts
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        out = write_document(doc, fmt)
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def pages(pdf: bytes) -> int:
    """The number of pages of a PDF."""
    import pypdfium2  # type: ignore[import-untyped]

    return len(pypdfium2.PdfDocument(pdf))


def main() -> None:
    """Print the figures."""
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 10
    for fmt in ("docx", "xlsx", "html"):
        seconds, out = timed(fmt, runs)
        print(
            f"{fmt:5} export of the example: {seconds * 1000:8.1f} ms per document ({len(out) // 1024} KiB)"
        )
    seconds, pdf = timed("pdf", max(2, runs // 3))
    n = pages(pdf)
    print(
        f"pdf   export of the example: {seconds * 1000:8.1f} ms for {n} pages, {seconds * 1000 / n:.1f} ms per page"
    )


if __name__ == "__main__":
    main()
