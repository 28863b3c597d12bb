# An exception raised while values are pending on the stack (arguments of a
# call, items of a list) unwinds through `with` blocks correctly: __exit__
# gets the exception, and what it returns decides whether it propagates.


class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow


class R:
    @property
    def missing(self):
        return self._nothing


def boom():
    raise KeyError("k")


try:
    with CM("a"):
        print(1, boom(), 3)
except KeyError as e:
    print("caught", e)

with CM("b", swallow=True):
    x = [1, {}["z"], 3]
print("after b")

try:
    with CM("c") as c, CM("d"):
        print(c.name, R().missing)
except AttributeError as e:
    print("caught", e)

for i in range(3):
    with CM(f"loop{i}", swallow=True):
        total = sum([i, 10 // (i - 1)])
        print("total", total)
