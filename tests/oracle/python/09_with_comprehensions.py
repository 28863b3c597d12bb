# with statements, contextlib, comprehension scopes and the walrus.
from contextlib import contextmanager, suppress


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("b") as t:
    print("inside", t)
with tag("outer"), tag("inner") as i:
    print("nested", i)
try:
    with tag("err"):
        raise ValueError("inside with")
except ValueError as e:
    print("caught", e)
with suppress(KeyError):
    {}["missing"]
    print("not reached")
print("after suppress")


@contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
        log.append("commit")
    except Exception:
        log.append("rollback")
        raise


log = []
with transaction(log):
    log.append("work")
try:
    with transaction(log):
        raise RuntimeError("fail")
except RuntimeError:
    pass
print(log)
x = 10
squares = [x * x for x in range(4)]
print(x, squares)
data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print(f"long list of {n}")
print([y for v in data if (y := v * 2) > 10], y)
total = 0
values = [total := total + v for v in data]
print(values, total)
print({k: [v for v in range(k)] for k in range(3)}, {c for c in "hello" if c != "l"} == {"h", "e", "o"})
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)], [n for row in matrix for n in row if n % 2])
print(sum(x for x in range(10) if x % 3 == 0), list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))
status = "ok" if data else "empty"
grade = lambda s: "A" if s >= 90 else "B" if s >= 80 else "C"
print(status, [grade(s) for s in (95, 85, 70)])


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__ if exc[0] else None)
        return False


def use():
    with Resource("a") as a, Resource("b") as b:
        return a.name + b.name


print(use())
for name in ["x", "y"]:
    with Resource(name):
        if name == "x":
            continue
        print("used", name)
