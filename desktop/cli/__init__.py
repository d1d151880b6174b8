"""The `capsule` command: the same engine as the app, from a terminal."""

from __future__ import annotations

import argparse
import io
import logging
import sys

from desktop import __version__
from desktop.cli import (
    actions_cmds,
    capabilities_cmds,
    capsule_cmds,
    chat_cmds,
    doctor_cmds,
    gpt_cmds,
    knowledge_cmds,
    models_cmds,
    providers_cmds,
    runs_cmds,
    threads_cmds,
)
from desktop.cli.fixes import error_text
from desktop.cli.output import err
from desktop.core import errors, logfile
from desktop.core.secrets import SecretMask
from desktop.core.services import Services


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="capsule",
        description="Capsule Studio from a terminal: GPTs, models, chats, runs and capsules.",
    )
    parser.add_argument("--version", action="version", version=f"capsule {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    gpt_cmds.add_parser(subparsers)
    models_cmds.add_parser(subparsers)
    providers_cmds.add_parser(subparsers)
    chat_cmds.add_parser(subparsers)
    runs_cmds.add_parser(subparsers)
    threads_cmds.add_parser(subparsers)
    knowledge_cmds.add_parser(subparsers)
    actions_cmds.add_parser(subparsers)
    capabilities_cmds.add_parser(subparsers)
    capsule_cmds.add_parser(subparsers)
    doctor_cmds.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; errors go to stderr with a non-zero exit code."""
    for stream in (sys.stdout, sys.stderr):  # names from non-UTF-8 bytes print as \xff
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    services = Services()
    handlers = _start_logging(services)
    try:
        return int(args.handler(args, services))
    except errors.CapsuleError as exc:
        err(f"error: {error_text(exc)}")
        return 1
    except KeyboardInterrupt:
        err("interrupted")
        return chat_cmds.EXIT_CANCELLED
    except BrokenPipeError:
        return 0
    finally:
        services.close()
        for handler in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()


def _start_logging(services: Services) -> list[logging.Handler]:
    """Warnings to stderr, everything from INFO up to the log file; secrets masked in both."""
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    console.addFilter(SecretMask())
    logging.getLogger().addHandler(console)
    return [console, logfile.log_to_file(services.paths, "capsule.log")]


if __name__ == "__main__":
    sys.exit(main())
