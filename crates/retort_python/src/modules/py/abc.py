"""Retort's abc: ABC, ABCMeta and abstractmethod, with CPython's error
for instantiating a class that leaves abstract methods."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if isinstance(value, (classmethod, staticmethod)):
        value = value.__func__
    if isinstance(value, property):
        value = value.fget
    return getattr(value, "__isabstractmethod__", False)


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {n for n, v in namespace.items() if _is_abstract(v)}
        for base in bases:
            for n in getattr(base, "__abstractmethods__", set()):
                value = getattr(cls, n, None)
                if _is_abstract(value):
                    abstracts.add(n)
        type.__setattr__(cls, "__abstractmethods__", frozenset(abstracts))
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            s = "s" if len(names) > 1 else ""
            listed = ", ".join(names)
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract method{s} {listed}")
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        return subclass


class ABC(metaclass=ABCMeta):
    pass


def abstractproperty(f):
    return property(abstractmethod(f))
