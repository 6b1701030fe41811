"""scraper.progress: a bar on a tty_stderr, nothing on a pipe or with quiet."""

from __future__ import annotations

import io
import os

import pytest

from scraper.progress import bars_enabled, byte_bar, progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def use_stderr(monkeypatch: pytest.MonkeyPatch, stream: io.StringIO) -> io.StringIO:
    # Patched in the test body: pytest's output capture swaps sys.stderr again after fixtures run.
    monkeypatch.setattr("sys.stderr", stream)
    return stream


def test_a_terminal_gets_count_rate_and_eta(monkeypatch: pytest.MonkeyPatch) -> None:
    tty_stderr = use_stderr(monkeypatch, Terminal())
    assert list(progress(range(5), desc="extract", unit="file")) == [0, 1, 2, 3, 4]
    shown = tty_stderr.getvalue()
    assert "extract" in shown and "5/5" in shown and "file/s" in shown and "<00:00" in shown


def test_quiet_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    tty_stderr = use_stderr(monkeypatch, Terminal())
    assert list(progress([1, 2], quiet=True)) == [1, 2]
    with byte_bar(10, quiet=True) as bar:
        bar.update(10)
    assert tty_stderr.getvalue() == "" and not bars_enabled(quiet=True)


def test_a_pipe_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = use_stderr(monkeypatch, io.StringIO())  # isatty() is False, as for cron, CI or `2>log`
    assert list(progress(iter("ab"), desc="x")) == ["a", "b"]
    with byte_bar(None, desc="report") as bar:
        bar.update(3)
    assert pipe.getvalue() == "" and not bars_enabled()


def test_byte_bar_on_a_terminal_counts_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    tty_stderr = use_stderr(monkeypatch, Terminal())
    with byte_bar(2048, desc="report") as bar:
        bar.update(2048)
    assert "report" in tty_stderr.getvalue() and "2.00k/2.00k" in tty_stderr.getvalue()


def test_a_terminal_of_size_zero_still_gets_a_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    # A pseudo-terminal that reports 0x0 (script(1), some CI consoles): tqdm alone would draw nothing.
    stream = use_stderr(monkeypatch, Terminal())
    monkeypatch.setattr("os.get_terminal_size", lambda fd: os.terminal_size((0, 0)))
    monkeypatch.setattr(Terminal, "fileno", lambda self: 2, raising=False)
    list(progress(range(3), desc="cluster", unit="story"))
    assert "cluster: 100%" in stream.getvalue() and "3/3" in stream.getvalue()
