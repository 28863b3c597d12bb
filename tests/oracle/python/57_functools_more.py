# functools: partial application, reduce, caching, singledispatch, cmp_to_key.
from functools import cache, cmp_to_key, lru_cache, partial, reduce, singledispatch


def power(base, exp):
    return base ** exp


square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(7), cube(2), square.func is power, square.keywords, reduce(lambda acc, x: acc * 10 + x, [1, 2, 3]))
print(reduce(lambda a, b: a if len(a) >= len(b) else b, ["aa", "bbbb", "c"]), reduce(max, [3, 9, 2], 0))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print(e)
calls = []


@lru_cache(maxsize=2)
def fetch(key):
    calls.append(key)
    return key.upper()


for k in ["a", "b", "a", "c", "a", "b"]:
    fetch(k)
print(calls, fetch.cache_info())


@cache
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)


print(ways(50))


@singledispatch
def describe(x):
    return f"object {x!r}"


@describe.register(int)
def _(x):
    return f"int {x}"


@describe.register(list)
def _(x):
    return f"list of {len(x)}"


print(describe(3), describe([1, 2]), describe("s"), describe(True))


def compare(a, b):
    return (a > b) - (a < b)


print(sorted([5, 2, 9], key=cmp_to_key(compare)), sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(b) - len(a))))
