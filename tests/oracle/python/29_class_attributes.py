# Class attributes versus instance attributes.
class Config:
    debug = False
    tags = []

    def __init__(self, name):
        self.name = name


a, b = Config("a"), Config("b")
a.debug = True
a.tags.append("shared")
print(a.debug, b.debug, Config.debug, b.tags, "debug" in vars(a), "debug" in vars(b))
Config.debug = "changed"
print(b.debug, a.debug)
del a.debug
print(a.debug)
print(Config.__dict__["debug"], sorted(k for k in Config.__dict__ if not k.startswith("__")))


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1
        self.id = Counter.count


items = [Counter() for _ in range(3)]
print([c.id for c in items], Counter.count)
print(hasattr(Counter, "id"), hasattr(items[0], "id"), getattr(Counter, "missing", None))
