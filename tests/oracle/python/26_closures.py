# Closures capture variables, not values.
def make_multipliers():
    return [lambda x, n=n: x * n for n in range(1, 4)]


print([m(10) for m in make_multipliers()])


def accumulator():
    total = []

    def add(x):
        total.append(x)
        return sum(total)
    return add


acc = accumulator()
acc(1)
acc(2)
print(acc(3))


def counter_factory(start):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start
    return increment, reset


inc, reset = counter_factory(10)
print(inc(), inc(5))
reset()
print(inc())


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper


@memoize
def slow_square(n):
    print("computing", n)
    return n * n


print(slow_square(4), slow_square(4), sorted(slow_square.cache))


def outer():
    x = 1

    def middle():
        def inner():
            nonlocal x
            x += 1
            return x
        return inner()
    middle()
    return x


print(outer())
