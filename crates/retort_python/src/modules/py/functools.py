"""Retort's functools: reduce, partial, wraps, lru_cache, cache,
cached_property, total_ordering, cmp_to_key, singledispatch (basic)."""

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")

_missing = object()


def reduce(function, iterable, initial=_missing):
    it = iter(iterable)
    if initial is _missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        return "functools.partial(" + ", ".join(args) + ")"


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=("__dict__",)):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=("__dict__",)):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator


class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        self = tuple.__new__(cls, (hits, misses, maxsize, currsize))
        return self

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return f"CacheInfo(hits={self[0]}, misses={self[1]}, maxsize={self[2]}, currsize={self[3]})"


def lru_cache(maxsize=128, typed=False):
    def decorating(user_function):
        cache = {}
        stats = [0, 0]

        def wrapper(*args, **kwds):
            key = args
            if kwds:
                key = args + (_missing,) + tuple(sorted(kwds.items()))
            if key in cache:
                stats[0] += 1
                value = cache.pop(key)
                cache[key] = value
                return value
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            if maxsize is not None and len(cache) > maxsize:
                del cache[next(iter(cache))]
            return result

        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return update_wrapper(wrapper, user_function)

    if callable(maxsize) and not isinstance(maxsize, int):
        user_function, maxsize = maxsize, 128
        return decorating(user_function)
    return decorating


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        cache = instance.__dict__
        if self.attrname in cache:
            return cache[self.attrname]
        val = self.func(instance)
        setattr(instance, self.attrname, val)
        return val


def total_ordering(cls):
    roots = {op for op in ("__lt__", "__le__", "__gt__", "__ge__") if op in cls.__dict__}
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    if "__lt__" in roots:
        cls.__gt__ = lambda self, other: NotImplemented if (r := self.__lt__(other)) is NotImplemented else (not r and self != other)
        cls.__le__ = lambda self, other: NotImplemented if (r := self.__lt__(other)) is NotImplemented else (r or self == other)
        cls.__ge__ = lambda self, other: NotImplemented if (r := self.__lt__(other)) is NotImplemented else (not r)
    elif "__gt__" in roots:
        cls.__lt__ = lambda self, other: NotImplemented if (r := self.__gt__(other)) is NotImplemented else (not r and self != other)
        cls.__ge__ = lambda self, other: NotImplemented if (r := self.__gt__(other)) is NotImplemented else (r or self == other)
        cls.__le__ = lambda self, other: NotImplemented if (r := self.__gt__(other)) is NotImplemented else (not r)
    elif "__le__" in roots:
        cls.__lt__ = lambda self, other: NotImplemented if (r := self.__le__(other)) is NotImplemented else (r and self != other)
        cls.__gt__ = lambda self, other: NotImplemented if (r := self.__le__(other)) is NotImplemented else (not r)
        cls.__ge__ = lambda self, other: NotImplemented if (r := self.__le__(other)) is NotImplemented else (not r or self == other)
    else:
        cls.__gt__ = lambda self, other: NotImplemented if (r := self.__ge__(other)) is NotImplemented else (r and self != other)
        cls.__lt__ = lambda self, other: NotImplemented if (r := self.__ge__(other)) is NotImplemented else (not r)
        cls.__le__ = lambda self, other: NotImplemented if (r := self.__ge__(other)) is NotImplemented else (not r or self == other)
    return cls


def cmp_to_key(mycmp):
    class K:
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


def singledispatch(func):
    registry = {}

    def dispatch(cls):
        for c in cls.__mro__:
            if c in registry:
                return registry[c]
        return func

    def register(cls, f=None):
        if f is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            f = cls
            cls = list(f.__annotations__.values())[0]
        registry[cls] = f
        return f

    def wrapper(*args, **kw):
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper
