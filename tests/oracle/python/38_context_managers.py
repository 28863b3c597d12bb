# Context managers: classes, contextlib helpers, nesting and exceptions.
from contextlib import ExitStack, closing, contextmanager, nullcontext, suppress


class Timer:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("start", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("stop", self.name, "error" if exc_type else "ok")
        return False


with Timer("outer"):
    with Timer("inner") as t:
        print("working in", t.name)


@contextmanager
def opened(name):
    print("open", name)
    yield {"name": name}
    print("close", name)


with opened("a") as res, opened("b") as res2:
    print(res["name"], res2["name"])


class Thing:
    def close(self):
        print("thing closed")


with closing(Thing()):
    print("using thing")
with nullcontext(5) as five:
    print(five)
with suppress(ZeroDivisionError, KeyError):
    print("before")
    1 / 0
print("suppressed")
with ExitStack() as stack:
    for name in ["x", "y"]:
        stack.enter_context(Timer(name))
    stack.callback(print, "callback runs last-in-first-out")
    print("inside stack")


@contextmanager
def handling():
    try:
        yield
    except ValueError as e:
        print("handled inside:", e)


with handling():
    raise ValueError("bad value")
print("continued")
