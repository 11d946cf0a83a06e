"""Check speed: the example in-process (aim ≤ 10 ms), and 10,000 generated variants with 2 jobs (aim ≥ 400/s).

Run: make bench   (or .venv/bin/python bench/check_speed.py [--variants N] [--jobs J])
Prints the figures, the ratio of checking to parsing alone, and the ratios against the aims.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from jixiao.check import check_document
from jixiao.check.profiles import load_profile
from jixiao.kinds import read_document
from jixiao.service.checking import check_many
from jixiao.service.documents import read_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "julu-zonggonghui-2024-draft.txt"


def arg(name: str, default: int) -> int:
    """An integer command-line option."""
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def variant(text: str, rng: random.Random) -> str:
    """The example with numbers, values and names changed at random, as another unit might write it."""
    swaps = [
        ("242 人数", f"{rng.randint(10, 900)} 人"),
        ("≥95%", rng.choice(["≥95%", "≥90%", "95%", "≥≥98%", "不低于90%"])),
        ("13.00", f"{rng.randint(1, 900)}.{rng.randint(0, 99):02d}"),
        ("≤7300 元/年", f"≤{rng.randint(1000, 9000)} 元/年"),
        ("县政府批示", rng.choice(["县政府批示", "《工会法》", "巨财预〔2023〕12号"])),
        ("职工书屋", rng.choice(["职工书屋", "职工之家", "工人文化宫"])),
        ("0058401190 3Q", rng.choice(["0058401190 3Q", "00584011903Q"])),
    ]
    for old, new in swaps:
        text = text.replace(old, new)
    return text


def in_process(runs: int) -> tuple[float, float]:
    """Median seconds to parse the example, and to check the parsed example, in-process."""
    data = EXAMPLE.read_bytes()
    profile = load_profile("hebei-county")
    doc, found = read_document(data, str(EXAMPLE))
    check_document(doc, found, profile)  # warm
    parse_times, check_times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        doc, found = read_document(data, str(EXAMPLE))
        middle = time.perf_counter()
        check_document(doc, found, profile)
        parse_times.append(middle - start)
        check_times.append(time.perf_counter() - middle)
    return statistics.median(parse_times), statistics.median(check_times)


def parse_only(paths: list[str], jobs: int) -> int:
    """Parse every file in a pool of ``jobs`` processes; returns how many were read."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, len(paths) // (jobs * 16))
        return sum(1 for _ in pool.map(_parse_count, paths, chunksize=chunk))


def _parse_count(path: str) -> int:
    return len(read_file(path).document.projects)


def main() -> None:
    """Print the figures."""
    count, jobs = arg("--variants", 10_000), arg("--jobs", 2)
    parse, check = in_process(arg("--runs", 300))
    print(
        f"in-process, the example: parse {parse * 1000:.2f} ms, check {check * 1000:.2f} ms "
        f"(aim ≤ 10 ms: {check * 1000 / 10:.2f} of the aim), parse + check {(parse + check) * 1000:.2f} ms"
    )
    rng = random.Random(20241124)
    text = EXAMPLE.read_text(encoding="utf-8")
    profile = load_profile("hebei-county")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n in range(count):
            path = Path(tmp) / f"variant-{n:05d}.txt"
            path.write_text(variant(text, rng), encoding="utf-8")
            paths.append(str(path))
        start = time.perf_counter()
        parse_only(paths, jobs)
        parse_rate = count / (time.perf_counter() - start)
        start = time.perf_counter()
        results = check_many(paths, profile, jobs, output="text")  # as `jixiao check DIR --jobs 2` does
        check_rate = count / (time.perf_counter() - start)
    findings = sum(sum((r.counts or {}).values()) for r in results)
    print(
        f"{count} variants, {jobs} jobs: parse alone {parse_rate:.0f} documents/s; "
        f"parse + check {check_rate:.0f} documents/s ({findings} findings)"
    )
    print(
        f"checking runs at {check_rate / parse_rate:.2f}× the speed of parsing alone; "
        f"aim ≥ 400 documents/s: {check_rate / 400:.2f} of the aim"
    )


if __name__ == "__main__":
    main()
