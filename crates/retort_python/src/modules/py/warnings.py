"""Retort's warnings: warn() prints CPython's warning lines to stderr once
per location, filters (simplefilter/filterwarnings) ignore or raise. The
location is the script line now running (innermost): where a library's
warning points with its `stacklevel`; a script function's own
`stacklevel=2` still names the line of its warn() call."""

import sys as _sys
import _retort

# CPython's default filters, less DeprecationWarning's (shown when it
# points at __main__, which every warning here does)
_filters = [("ignore", PendingDeprecationWarning), ("ignore", ImportWarning), ("ignore", ResourceWarning)]
_seen = set()


def simplefilter(action, category=Warning, lineno=0, append=False):
    _filters.insert(0, (action, category))


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    _filters.insert(0, (action, category))


def resetwarnings():
    _filters.clear()


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    for action, cat in _filters:
        if issubclass(category, cat):
            if action == "ignore":
                return
            if action == "error":
                raise category(message) if not isinstance(message, Warning) else message
            break
    site = _retort.script_line()
    key = (str(message), category, site)
    if key in _seen:
        return
    _seen.add(key)
    if site is None:
        _sys.stderr.write(f"main.py: {category.__name__}: {message}\n")
        return
    filename, line, text = site
    _sys.stderr.write(f"{filename}:{line}: {category.__name__}: {message}\n")
    if text:
        _sys.stderr.write(f"  {text}\n")


class catch_warnings:
    def __init__(self, *, record=False, **kwargs):
        self._record = record

    def __enter__(self):
        self._saved = list(_filters)
        return [] if self._record else None

    def __exit__(self, *exc):
        _filters[:] = self._saved
