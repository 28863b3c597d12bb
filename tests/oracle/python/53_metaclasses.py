# Metaclasses and class creation hooks the ORM relies on.
class Registry(type):
    classes = {}

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace)
        if bases:
            mcls.classes[name] = cls
        cls.table = kwargs.get("table", name.lower() + "s")
        return cls

    def __call__(cls, *args, **kwargs):
        instance = super().__call__(*args, **kwargs)
        instance.created_by_meta = True
        return instance

    def __repr__(cls):
        return f"<model {cls.__name__}>"


class Base(metaclass=Registry):
    def __init__(self, **fields):
        for k, v in fields.items():
            setattr(self, k, v)


class User(Base):
    pass


class Order(Base, table="purchase_orders"):
    pass


u = User(name="ada")
print(Registry.classes, User.table, Order.table, u.name, u.created_by_meta, type(User).__name__, User)
print(isinstance(User, Registry), isinstance(u, Base), type(u).__mro__[1:])


class Plugin:
    registry = []

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)


class CsvExport(Plugin, name="csv"):
    pass


class JsonExport(Plugin):
    pass


print(Plugin.registry, CsvExport.plugin_name)
Dynamic = type("Dynamic", (Base,), {"greet": lambda self: "hi", "table": "dyn"})
print(Dynamic().greet(), Dynamic.table, Dynamic.__name__, "Dynamic" in Registry.classes)
