# Functions: defaults, *args, **kwargs, keyword-only, closures, scopes.
def greet(name, greeting="Hello", *, punctuation="!"):
    return f"{greeting}, {name}{punctuation}"


print(greet("Ada"), greet("Bob", "Hi"), greet("Cy", punctuation="?"), greet(greeting="Yo", name="Dee"))


def collect(*args, **kwargs):
    return args, kwargs


print(collect(), collect(1, 2, a=3), collect(*[1, 2], **{"k": "v"}), collect(*"ab", *[3]))


def posonly(a, b, /, c):
    return a + b + c


print(posonly(1, 2, 3), posonly(1, 2, c=3))


def counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc


c1 = counter()
c1()
c1()
print(c1(), counter()())
total = 0


def add_total(n):
    global total
    total += n


add_total(5)
add_total(7)
print(total)
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
late = [lambda: i for i in range(3)]
print([f() for f in late])


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(10), fact(30))


def fib(n, memo={}):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r


print(fib(80))


def deco(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args)
        return fn(*args, **kwargs)
    return wrapper


@deco
def square(x):
    return x * x


print(square(4), square.__name__)


def repeat(times):
    def outer(fn):
        def inner(*a):
            return [fn(*a) for _ in range(times)]
        return inner
    return outer


@repeat(3)
def hello(n):
    return "hi" * n


print(hello(2))
for bad in [lambda: greet(), lambda: greet("a", "b", "c"), lambda: greet("a", bogus=1), lambda: greet("a", name="b"), lambda: posonly(a=1, b=2, c=3)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def kwonly(*, a, b=2):
    return a, b


try:
    kwonly()
except TypeError as e:
    print(e)
print(kwonly(a=1), (lambda *a, **k: (a, k))(1, x=2), (lambda: None)())


def apply(f, *args):
    return f(*args)


print(apply(max, 3, 9, 2), apply(lambda a, b: a * b, 6, 7), greet.__name__, (lambda: 0).__name__)


def doc():
    """A docstring."""


print(doc.__doc__, doc(), greet.__defaults__, callable(greet), callable(3))


def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner()
    return middle()


print(outer())


def shadow():
    y = 1

    def change():
        y = 2
        return y
    change()
    return y


print(shadow())
try:
    def broken():
        print(undefined_local)
        undefined_local = 1
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
