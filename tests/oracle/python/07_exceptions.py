# Exceptions: handlers, else/finally order, chaining, custom classes.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        print("cannot divide by zero")
        return None
    except TypeError as e:
        print("bad types:", e)
        raise
    else:
        print("ok")
        return result
    finally:
        print("finally runs")


print(divide(6, 3))
print(divide(1, 0))
try:
    divide("a", 1)
except TypeError as e:
    print("re-raised:", type(e).__name__)


class AppError(Exception):
    """Base error."""


class NotFound(AppError):
    def __init__(self, what, code=404):
        super().__init__(f"{what} not found")
        self.what = what
        self.code = code


try:
    raise NotFound("user")
except AppError as e:
    print(type(e).__name__, e, e.args, e.code, e.what, repr(e), isinstance(e, Exception))


class Plain(Exception):
    pass


print(repr(Plain()), repr(Plain("a", 1)), str(Plain("a", 1)), str(Plain()), repr(ValueError("x")))
try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("lookup failed") from e
except ValueError as e:
    print(e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(e, type(e.__context__).__name__, e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)


def finally_return():
    try:
        return "from try"
    finally:
        print("cleanup before return")


print(finally_return())


def finally_overrides():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"


print(finally_overrides())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
while True:
    try:
        break
    finally:
        print("break runs finally")
errors = [ValueError("v"), KeyError("k"), IndexError("i"), AttributeError("a"), ZeroDivisionError("z")]
for err in errors:
    try:
        raise err
    except (KeyError, IndexError) as e:
        print("lookup", type(e).__name__, e)
    except ArithmeticError as e:
        print("math", e)
    except Exception as e:
        print("other", type(e).__name__, e)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(bool, int))
print(KeyError.__mro__)
try:
    [][5]
except IndexError as e:
    print(e)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    None.attr
except AttributeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    x = [1, 2] < "a"
except TypeError as e:
    print(e)
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    raise
except RuntimeError as e:
    print(e)
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
e_saved = None
try:
    raise ValueError("saved")
except ValueError as e:
    e_saved = e
print(e_saved, "e" in dir())
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", e)


def deep(n):
    if n == 0:
        raise RecursionError("bottom")
    return deep(n - 1)


try:
    deep(5)
except RecursionError as e:
    print("RecursionError", e)


def infinite(n):
    return infinite(n + 1)


try:
    infinite(0)
except RecursionError as e:
    print("RecursionError:", e)


class Closing:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None, exc)
        return exc_type is ValueError


with Closing() as c:
    print("inside", type(c).__name__)
with Closing():
    raise ValueError("suppressed")
try:
    with Closing():
        raise KeyError("propagates")
except KeyError as e:
    print("got", e)


def gen_exit():
    with Closing():
        return "returned"


print(gen_exit())
raise NotFound("final item", code=410)
