# Calls: positional, keyword, defaults evaluated once, *args/**kwargs forwarding.
def describe(name, *tags, sep=", ", **attrs):
    parts = [name]
    if tags:
        parts.append(sep.join(tags))
    parts.extend(f"{k}={v}" for k, v in sorted(attrs.items()))
    return " | ".join(parts)


print(describe("ada"))
print(describe("ada", "math", "poetry"))
print(describe("ada", "math", sep="/", born=1815, title="countess"))
args = ("bob", "x", "y")
kwargs = {"sep": "+", "age": 3}
print(describe(*args, **kwargs))


def forward(*args, **kwargs):
    return describe(*args, **kwargs)


print(forward("cy", "z", level=2))


def append_to(item, target=[]):
    target(item)
    return target


print(append_to(1), append_to(2), append_to(3, []))


def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(safe_append(1), safe_append(2))


def kw_only(a, *, b, c=3):
    return a, b