"""Retort's warnings: warn() prints CPython's warning line to stderr once
per location, filters (simplefilter/filterwarnings) ignore or raise."""

import sys as _sys

_filters = []
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
    key = (str(message), category)
    if key in _seen:
        return
    _seen.add(key)
    _sys.stderr.write(f"main.py: {category.__name__}: {message}\n")


class catch_warnings:
    def __init__(self, *, record=False, **kwargs):
        self._record = record

    def __enter__(self):
        self._saved = list(_filters)
        return [] if self._record else None

    def __exit__(self, *exc):
        _filters[:] = self._saved
