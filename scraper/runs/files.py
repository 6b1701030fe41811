"""A scheduled run's output files over its life: open (or resume), then close. No Scrapy here.

Output modes: "dated" writes output/<spider>/<UTC timestamp>.jsonl.part and renames it when the
run completes; "overwrite" (-O FILE) writes FILE.part and replaces FILE when complete; "append"
(-o FILE) appends to FILE directly. An unfinished run (killed, or stopped by a signal) is resumed
by the next run with the same output choice: its output is cut back to the last complete line,
lines written after the last commit are recorded in the state, and the crawl continues from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from scraper.runs.output import PART_SUFFIX, dated_output_path, file_size, finalize, part_path, recover_tail
from scraper.runs.state import Run, StateStore


@dataclass(frozen=True)
class RunFiles:
    run: Run
    output: Path  # the file articles are appended to
    final: Path | None  # its name when complete (None: appended in place)
    resumed: bool = False
    jobdir_usable: bool = False  # Scrapy's JOBDIR is only trustworthy after a graceful stop
    note: str = ""

    @property
    def mode(self) -> str:
        return self.run.target.split(":", 1)[0]


def final_name(output: Path) -> Path | None:
    return output.with_name(output.name[: -len(PART_SUFFIX)]) if output.name.endswith(PART_SUFFIX) else None


def open_run(store: StateStore, spider: str, mode: str, path: Path, target: str, now: datetime,
             tag: str = "") -> RunFiles:
    """Resume the job's unfinished run if it wrote to the same place, else start a new run.

    A tag (a distributed worker's id) goes into a dated file's name: <UTC timestamp>-<tag>.jsonl.
    """
    previous = store.unfinished_run(spider)
    if previous is not None:
        if previous.target == target and not _completed(previous):
            return _resume(store, previous)
        # Another output choice, or a run killed right after its rename: that run is over.
        store.set_run_status(previous.id, "finished" if _completed(previous) else "abandoned")
    output, final = _new_files(mode, path, spider, now, tag)
    if final is not None:
        output.unlink(missing_ok=True)  # a stale .part of an abandoned run
    else:
        _cut_partial_line(output)
    run = store.start_run(spider, target, str(output), now.isoformat(), file_size(output))
    return RunFiles(run, output, final)


def _completed(run: Run) -> bool:
    output = Path(run.output)
    final = final_name(output)
    return final is not None and not output.exists() and final.exists()


def _resume(store: StateStore, run: Run) -> RunFiles:
    output = Path(run.output)
    recovered = recover_tail(output, run.committed_offset)
    for record in recovered.records:
        store.remember(record, run.id)
    store.set_committed_offset(run.id, recovered.offset)
    how = "stopped by a signal" if run.status == "interrupted" else "killed"
    note = (f"previous run was {how}; {len(recovered.records)} uncommitted lines kept, "
            f"{recovered.cut_bytes} bytes of a cut line removed")
    return RunFiles(run, output, final_name(output), True, run.status == "interrupted", note)


def _new_files(mode: str, path: Path, spider: str, now: datetime, tag: str = "") -> tuple[Path, Path | None]:
    if mode == "append":
        return path, None
    if mode == "overwrite":
        return part_path(path), path
    dated = dated_output_path(path, spider, now)
    final = _unused(dated.with_name(f"{dated.stem}-{tag}{dated.suffix}") if tag else dated)
    return part_path(final), final


def _unused(path: Path) -> Path:
    """path, or path with -2, -3... when a run in the same second already used the name."""
    candidate, number = path, 1
    while candidate.exists() or part_path(candidate).exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def _cut_partial_line(path: Path) -> None:
    """Before appending to a file: drop a trailing fragment a killed writer may have left."""
    size = file_size(path)
    if size == 0:
        return
    with path.open("rb") as handle:
        handle.seek(max(0, size - 65536))
        tail = handle.read()
    if tail.endswith(b"\n"):
        return
    start = tail.rfind(b"\n") + 1 + max(0, size - 65536) if b"\n" in tail else 0
    recover_tail(path, start)


def close_run(store: StateStore, files: RunFiles, status: int) -> Path | None:
    """Give the output its final name (rename before marking done: see _completed), mark the run done."""
    result: Path | None = files.output
    if files.final is not None:
        if files.mode == "dated" and file_size(files.output) == 0:
            files.output.unlink(missing_ok=True)  # a run with nothing new leaves no file
            result = None
        else:
            result = finalize(files.output, files.final)
    store.set_run_status(files.run.id, "finished", status)
    return result
