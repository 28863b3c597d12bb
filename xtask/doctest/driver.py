"""The doctest driver of `cargo xtask doctest`: runs documentation examples
as SQLAlchemy's test/base/test_tutorials.py runs them, on CPython (real
SQLAlchemy) or in Retort, and prints what each one gave.

xtask parses the documentation into examples and appends a call
`_dt_main([(source, filename), ...])` to this file. Each example is compiled
in mode "single" (an expression statement shows its value, as at the
prompt) and run in one namespace shared by the whole file group, with
`sys.stdout` captured; the engine's logger writes `%(message)s` to the same
place, so `echo=True` output is part of what the example printed; tables are
created in key order, as the test's patch of `sort_tables_and_constraints`
makes them. xtask compares the results with the documentation.

Output: one line per example, `@@doctest@@ ` then a JSON list
`[output, exception line or None]`."""

import json as _dt_json
import logging as _dt_logging
import sys as _dt_sys


class _DtCapture:
    """What an example writes to sys.stdout."""

    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


class _DtStream:
    """The engine logger's stream: whatever sys.stdout is at the time."""

    def write(self, s):
        _dt_sys.stdout.write(s)
        _dt_sys.stdout.flush()

    def flush(self):
        pass


def _dt_setup():
    handler = _dt_logging.StreamHandler(_DtStream())
    handler.setFormatter(_dt_logging.Formatter("%(message)s"))
    _dt_logging.getLogger("sqlalchemy.engine.Engine").addHandler(handler)

    from sqlalchemy.sql import ddl

    orig_sort = ddl.sort_tables_and_constraints

    def our_sort(tables, **kw):
        return orig_sort(sorted(tables, key=lambda t: t.key), **kw)

    ddl.sort_tables_and_constraints = our_sort


def _dt_exception_line(e):
    """The last line of traceback.format_exception_only(): `module.Class: message`."""
    name = type(e).__qualname__
    module = type(e).__module__
    if module not in ("__main__", "builtins"):
        name = module + "." + name
    text = str(e)
    return (name + ": " + text if text else name) + "\n"


def _dt_main(examples):
    _dt_setup()
    out = _dt_sys.stdout
    globs = {"print_function": print}
    for source, filename in examples:
        capture = _DtCapture()
        _dt_sys.stdout = capture
        raised = None
        try:
            exec(compile(source, filename, "single"), globs)
        except KeyboardInterrupt:
            raise
        except BaseException as e:
            raised = _dt_exception_line(e)
        finally:
            _dt_sys.stdout = out
        out.write("@@doctest@@ " + _dt_json.dumps(["".join(capture.parts), raised]) + "\n")
