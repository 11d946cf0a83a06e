"""Converting a folder of documents: each file read and written again in another format, in worker processes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

from jixiao.importers import UnreadableError
from jixiao.model import part_names
from jixiao.service.documents import read_any_file, write_any_file


class Converted(NamedTuple):
    """One file's outcome: where it was written and how many findings reading it gave, or why it failed."""

    source: str
    target: str | None
    projects: int = 0
    findings: int = 0
    errors: int = 0
    error: str | None = None


def target_for(source: Path, root: Path, out_dir: Path, fmt: str) -> Path:
    """The output path of a source file: the same place under out_dir, the extension changed."""
    relative = source.relative_to(root) if source.is_relative_to(root) else Path(source.name)
    return (out_dir / relative).with_suffix(f".{fmt}")


def unique_targets(pairs: Sequence[tuple[Path, Path]]) -> list[tuple[str, str]]:
    """(source, target) pairs where files that would write the same target keep their format in the name.

    ``a.docx`` and ``a.pdf`` to JSON become ``a.docx.json`` and ``a.pdf.json`` rather than overwrite each other.
    """
    counts: dict[Path, int] = {}
    for _, target in pairs:
        counts[target] = counts.get(target, 0) + 1
    out = []
    for source, target in pairs:
        chosen = target.with_name(f"{source.name}{target.suffix}") if counts[target] > 1 else target
        out.append((str(source), str(chosen)))
    return out


def convert_one(source: str, target: str, fmt: str) -> Converted:
    """Read one file and write it in ``fmt``; an unreadable file gives its message."""
    try:
        result = read_any_file(source)
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        write_any_file(result.document, target, fmt)
    except UnreadableError as exc:
        return Converted(source, None, error=exc.message)
    errors = sum(1 for f in result.findings if f.severity == "error")
    return Converted(source, target, len(part_names(result.document)), len(result.findings), errors)


def convert_many(
    jobs: Sequence[tuple[str, str]],
    fmt: str,
    workers: int = 1,
    progress: Callable[[Converted], None] | None = None,
) -> list[Converted]:
    """Convert (source, target) pairs in order; with workers > 1 in a pool of processes."""
    results: list[Converted] = []
    if workers <= 1 or len(jobs) < 2:
        for source, target in jobs:
            results.append(convert_one(source, target, fmt))
            if progress:
                progress(results[-1])
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        sources, targets = [s for s, _ in jobs], [t for _, t in jobs]
        for outcome in pool.map(convert_one, sources, targets, [fmt] * len(jobs), chunksize=4):
            results.append(outcome)
            if progress:
                progress(outcome)
    return results
