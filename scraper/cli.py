"""The `scraper` console script: one subcommand per module (scraper/commands/, scraper/cluster/enqueue.py)."""

from __future__ import annotations

import argparse
import importlib
import sys

# name -> module; each module has add_arguments(parser) and run(args) -> int.
COMMANDS: dict[str, str] = {
    "extract": "scraper.commands.extract",
    "demo": "scraper.commands.demo",
    "crawl": "scraper.commands.crawl",
    "enqueue": "scraper.cluster.enqueue",
    "report": "scraper.commands.report",
    "cluster": "scraper.commands.cluster",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scraper", description="Turn syndicated news pages into clean article JSON lines."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        doc = (module.__doc__ or "").strip().splitlines()
        command = sub.add_parser(name, help=doc[0] if doc else None, description=module.__doc__)
        module.add_arguments(command)
        command.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args, extra = build_parser().parse_known_args(argv)
    args.extra = extra
    if extra and not getattr(args, "accepts_extra", False):
        build_parser().error(f"unrecognized arguments: {' '.join(extra)}")
    return int(args.handler(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
