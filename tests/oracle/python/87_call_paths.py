# Calls the interpreter takes fast paths for: positional calls with
# defaults, cell parameters, methods of builtin values, instantiation run
# inside the instruction loop (and its __init__ errors).


def scale(x, factor=2, offset=0):
    return x * factor + offset


print(scale(1), scale(1, 3), scale(1, 3, 4))


def counter(start):
    def bump():
        nonlocal start
        start += 1
        return start

    return bump


b = counter(10)
print(b(), b(), b())


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(1)
print(p, p.moved(2), p.moved(2, 3), Point(y=5, x=4))
words = []
for w in "a bb ccc".split():
    words.append(w.upper())
print(words, " ".join(words).lower(), {1: 2}.get(1), (1, 2).index(2))
print((5).bit_length(), 2.5.is_integer(), b"ab".hex())


class Weird:
    def __init__(self):
        return 42


def make():
    return Weird()


try:
    make()
except TypeError as e:
    print("TypeError:", e)


def missing(a, b):
    return a + b


for call in (lambda: missing(1), lambda: missing(1, 2, 3), lambda: Point()):
    try:
        call()
    except TypeError as e:
        print(e)


class Tally(dict):
    def get(self, key, default=None):
        return ("mine", key)


print(Tally().get("k"))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
make()
