"""Parse speed of the example: in-process (aim ≤ 5 ms, and ≤ 1.2× the baseline commit's on this machine) and
`jixiao parse` as a ratio to `python3 -c pass` (aim ≤ 8×).

Run: make bench   (or .venv/bin/python bench/parse_speed.py [--runs N])
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from baseline import BASELINE, baseline_src, timed_with
from jixiao.kinds import read_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "julu-zonggonghui-2024-draft.txt"


def in_process(runs: int) -> list[float]:
    """Seconds per read of the example, bytes to model, with findings."""
    data = EXAMPLE.read_bytes()
    read_document(data, str(EXAMPLE))  # warm: imports and compiled regexes
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        read_document(data, str(EXAMPLE))
        times.append(time.perf_counter() - start)
    return times


# the same reads in a fresh process, for this code and the baseline's (whose read_document is in importers)
_READS = """
import statistics, time
try:
    from jixiao.kinds import read_document
except ImportError:
    from jixiao.importers import read_document
data = open({path!r}, "rb").read()
read_document(data, {path!r})
times = []
for _ in range({runs}):
    start = time.perf_counter()
    read_document(data, {path!r})
    times.append(time.perf_counter() - start)
print(statistics.median(times))
"""


def whole_process(command: list[str], runs: int) -> list[float]:
    """Wall seconds per run of a command, output discarded."""
    subprocess.run(command, capture_output=True, check=False)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    """Print the figures and the ratios against their aims."""
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 30
    parse = statistics.median(in_process(runs * 20))
    jixiao = str(Path(sys.executable).with_name("jixiao"))
    cli = statistics.median(whole_process([jixiao, "parse", str(EXAMPLE)], runs))
    cli_json = statistics.median(whole_process([jixiao, "parse", str(EXAMPLE), "--format", "json"], runs))
    version = statistics.median(whole_process([jixiao, "--version"], runs))
    bare = statistics.median(whole_process([sys.executable, "-c", "pass"], runs))
    print(f"example: {EXAMPLE.name}, {EXAMPLE.stat().st_size} bytes, median of {runs * 20} in-process reads")
    print(
        f"in-process parse          {parse * 1000:8.2f} ms   (aim ≤ 5 ms: {parse * 1000 / 5:.2f} of the aim)"
    )
    old = baseline_src()
    if old is not None:
        code = _READS.format(path=str(EXAMPLE), runs=runs * 20)
        mine, theirs = timed_with(ROOT / "src", code), timed_with(old, code)
        print(
            f"  fresh process: this code {mine * 1000:.2f} ms, baseline {BASELINE} {theirs * 1000:.2f} ms: "
            f"{mine / theirs:.2f}× (aim ≤ 1.2×)"
        )
    print(f"python3 -c pass           {bare * 1000:8.1f} ms   (baseline, median of {runs} runs)")
    print(f"jixiao --version          {version * 1000:8.1f} ms   {version / bare:5.1f}× baseline")
    print(f"jixiao parse (text)       {cli * 1000:8.1f} ms   {cli / bare:5.1f}× baseline (aim ≤ 8×)")
    print(f"jixiao parse --format json{cli_json * 1000:8.1f} ms   {cli_json / bare:5.1f}× baseline")


if __name__ == "__main__":
    main()
