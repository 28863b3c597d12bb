# Generators: yield, send, yield from with a return value, close, laziness.
def countdown(n):
    print("start")
    while n > 0:
        yield n
        n -= 1
    print("done")
    return "finished"


g = countdown(3)
print(type(g).__name__, next(g), next(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value if hasattr(e, "value") else None)


def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received


e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as stop:
    print("returned", stop.args)


def inner():
    yield 1
    yield 2
    return "inner result"


def outer():
    result = yield from inner()
    print("inner said", result)
    yield 3


print(list(outer()))


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
squares = (x * x for x in range(5))
print(type(squares).__name__, sum(squares), sum(squares))


def naturals():
    n = 0
    while True:
        yield n
        n += 1


def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


print(take(5, naturals()), take(3, (x for x in naturals() if x % 7 == 0)))


def lines():
    try:
        yield "a"
        yield "b"
    finally:
        print("generator cleaned up")


it = lines()
print(next(it))
it.close()
print("closed")


def with_index(seq, start=0):
    i = start
    for x in seq:
        yield i, x
        i += 1


print(dict(with_index("xyz", 1)), list(zip(naturals(), "ab")))
gen = (c.upper() for c in "hey")
print(next(gen), list(gen), list(gen))


def pipeline():
    nums = (n for n in range(20))
    evens = (n for n in nums if n % 2 == 0)
    squared = (n * n for n in evens)
    return list(squared)


print(pipeline())


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(10)])


def thrower():
    try:
        yield 1
    except ValueError as err:
        print("caught in generator:", err)
        yield "recovered"


t = thrower()
next(t)
print(t.throw(ValueError("boom")))
print(all(x > 0 for x in [1, 2]), any(x > 5 for x in [1, 2]), max((len(w), w) for w in ["aa", "b"]))


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1


print(list(Countdown(3)), [x for x in Countdown(2)], sorted(Countdown(4)))


class Manual:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i


print(list(Manual()), iter([1]).__class__.__name__)
