# Descriptors: validated fields with __set_name__, __get__ on the class.
class Field:
    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default

    def __set_name__(self, owner, name):
        self.name = name
        owner.fields = getattr(owner, "fields", []) + [name]

    def __get__(self, obj, owner):
        if obj is None:
            return f"<Field {owner.__name__}.{self.name}>"
        return obj.__dict__.get(self.name, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        obj.__dict__[self.name] = value


class Product:
    name = Field(str, "")
    price = Field(float, 0.0)
    qty = Field(int, 0)

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)


p = Product(name="pen", price=1.5)
print(p.name, p.price, p.qty, Product.name, Product.fields)
try:
    p.qty = "many"
except TypeError as e:
    print(e)


class cached:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, owner):
        if obj is None:
            return self
        value = self.fn(obj)
        setattr(obj, self.fn.__name__, value)
        return value


class Report:
    runs = 0

    @cached
    def data(self):
        Report.runs += 1
        return [1, 2, 3]


r = Report()
print(r.data, r.data, Report.runs)
