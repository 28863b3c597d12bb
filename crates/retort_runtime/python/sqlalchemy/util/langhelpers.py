# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""Memoizing descriptors (SQLAlchemy's util/langhelpers.py): `memoized_property`
and `HasMemoized`, whose `memoized_attribute` and `memoized_instancemethod`
SQLAlchemy's statement, schema, result and mapper classes carry."""


class memoized_property:
    """A read-only property computed once per object, then kept in its `__dict__`."""

    def __init__(self, fget, doc=None):
        self.fget = fget
        self.__doc__ = doc or fget.__doc__
        self.__name__ = fget.__name__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        obj.__dict__[self.__name__] = result = self.fget(obj)
        return result


class HasMemoized:
    """A class whose memoized values can be reset together."""

    class memoized_attribute(memoized_property):
        def __get__(self, obj, cls=None):
            if obj is None:
                return self
            result = super().__get__(obj, cls)
            obj.__dict__.setdefault("_memoized_keys", set()).add(self.__name__)
            return result

    @classmethod
    def memoized_instancemethod(cls, fn):
        """`fn`, its result kept on the object after the first call."""

        def oneshot(self, *args, **kw):
            result = fn(self, *args, **kw)

            def memo(*a, **kw):
                return result

            memo.__name__ = fn.__name__
            self.__dict__[fn.__name__] = memo
            self.__dict__.setdefault("_memoized_keys", set()).add(fn.__name__)
            return result

        oneshot.__name__ = fn.__name__
        return oneshot

    def _reset_memoizations(self):
        for key in self.__dict__.pop("_memoized_keys", ()):
            self.__dict__.pop(key, None)
