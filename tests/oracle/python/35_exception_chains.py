# Exception chaining, context and re-raising.
class ConfigError(Exception):
    pass


def load(key, store):
    try:
        return store[key]
    except KeyError as exc:
        raise ConfigError(f"missing setting {key!r}") from exc


try:
    load("db", {})
except ConfigError as e:
    print(e, "| caused by", repr(e.__cause__), "| context", repr(e.__context__))


def reraise():
    try:
        int("bad")
    except ValueError:
        print("logging and re-raising")
        raise


try:
    reraise()
except ValueError as e:
    print("got", e)


def wrap():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e


for f in [wrap]:
    try:
        f()
    except RuntimeError as e:
        print(e, type(e.__cause__).__name__, e.__cause__.args)
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(e, "context:", e.__context__, e.__suppress_context__)
errors = []
for value in ["1", "two", "3", None]:
    try:
        errors.append(int(value))
    except (ValueError, TypeError) as e:
        errors.append(type(e).__name__)
print(errors)


def cleanup_order():
    log = []
    try:
        try:
            log.append("try")
            raise KeyError("k")
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("handler")
    finally:
        log.append("outer finally")
    return log


print(cleanup_order())
