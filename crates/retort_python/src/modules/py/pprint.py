"""Retort's pprint: pformat/pprint with CPython's layout for dicts, lists
and tuples (sorted dict keys, width 80, nested indentation)."""


def _safe_key(k):
    return (str(type(k)), k) if not isinstance(k, (int, float, str)) else (0, k)


def pformat(obj, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    return _format(obj, indent, width, 0, sort_dicts)


def _repr(obj, sort_dicts):
    """`_safe_repr`: repr() with dict keys sorted (sort_dicts), nested too."""
    if type(obj) is dict:
        items = sorted(obj.items(), key=lambda kv: _safe_key(kv[0])) if sort_dicts else list(obj.items())
        return "{" + ", ".join(repr(k) + ": " + _repr(v, sort_dicts) for k, v in items) + "}"
    if type(obj) is list:
        return "[" + ", ".join(_repr(v, sort_dicts) for v in obj) + "]"
    if type(obj) is tuple:
        if len(obj) == 1:
            return "(" + _repr(obj[0], sort_dicts) + ",)"
        return "(" + ", ".join(_repr(v, sort_dicts) for v in obj) + ")"
    return repr(obj)


def _format(obj, indent, width, level, sort_dicts):
    rep = _repr(obj, sort_dicts)
    if len(rep) + level <= width:
        return rep
    pad = " " * (level + 1)
    if isinstance(obj, dict) and obj:
        items = sorted(obj.items(), key=lambda kv: _safe_key(kv[0])) if sort_dicts else list(obj.items())
        parts = []
        for k, v in items:
            krep = repr(k)
            parts.append(krep + ": " + _format(v, indent, width, level + len(krep) + 3, sort_dicts))
        return "{" + (",\n" + pad).join(parts) + "}"
    if isinstance(obj, (list, tuple)) and obj:
        open_, close = ("[", "]") if isinstance(obj, list) else ("(", ")")
        parts = [_format(v, indent, width, level + 1, sort_dicts) for v in obj]
        if isinstance(obj, tuple) and len(obj) == 1:
            close = ",)"
        return open_ + (",\n" + pad).join(parts) + close
    return rep


def pprint(obj, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    text = pformat(obj, indent, width, depth, compact=compact, sort_dicts=sort_dicts)
    if stream is None:
        print(text)
    else:
        stream.write(text + "\n")


def pp(obj, *args, sort_dicts=False, **kwargs):
    pprint(obj, *args, sort_dicts=sort_dicts, **kwargs)


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True):
        self._width = width
        self._sort = sort_dicts
        self._stream = stream

    def pformat(self, obj):
        return pformat(obj, width=self._width, sort_dicts=self._sort)

    def pprint(self, obj):
        pprint(obj, self._stream, width=self._width, sort_dicts=self._sort)
