# Decorators with and without arguments, stacked, on methods and classes.
import functools


def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}{args} -> {result!r}")
        return result
    return wrapper


def times(n):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return deco


@trace
@times(2)
def greet(name):
    return "hi " + name


greet("ada")
print(greet.__name__)


def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        return cls
    return deco


models = {}


@register(models)
class User:
    pass


@register(models)
class Post:
    pass


print(sorted(models))


class Service:
    calls = 0

    def counted(fn):
        def wrapper(self, *a):
            type(self).calls += 1
            return fn(self, *a)
        return wrapper

    @counted
    def run(self, x):
        return x * 2


s = Service()
print(s.run(2), s.run(3), Service.calls)
