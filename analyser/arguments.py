"""File names that start with a dash.

A student's file may be called `-x.txt` (or a tutor's folder `-drafts`);
click would read it as an unknown option and refuse it unless the user knew
to write `--` before it. `DashFileCommand` treats an argument that starts
with "-", is no option of the command, and names an existing file or folder,
as a file: it is moved after a `--`, so the command sees exactly the name
given. A mistyped option that is not a file name is still reported.
"""

from __future__ import annotations

import os

import click


class DashFileCommand(click.Command):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, dash_files_last(self, ctx, args))


def dash_files_last(command: click.Command, ctx: click.Context, args: list[str]) -> list[str]:
    """`args` with every existing file or folder named like an option moved
    after "--" (keeping their order); options and their values stay put."""
    takes_value = set()
    known = set()
    for param in command.get_params(ctx):
        if isinstance(param, click.Option):
            names = [*param.opts, *param.secondary_opts]
            known.update(names)
            if not param.is_flag and not param.count:
                takes_value.update(param.opts)
    kept: list[str] = []
    files: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest = args[index + 1 :]
            break
        option = arg.split("=", 1)[0]
        if option in takes_value and "=" not in arg:
            kept += args[index : index + 2]
            index += 2
            continue
        if arg.startswith("-") and arg != "-" and option not in known and os.path.lexists(arg):
            files.append(arg)
        else:
            kept.append(arg)
        index += 1
    if not files:
        return args
    return [*kept, "--", *files, *rest]
