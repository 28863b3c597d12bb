# Classes: inheritance, super(), MRO, properties, class and static methods.
class Animal:
    kingdom = "animalia"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    @classmethod
    def create(cls, name):
        return cls(name)

    @staticmethod
    def describe():
        return "an animal"


class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return super().speak() + " (woof)"


d = Dog("Rex", "lab")
print(d, d.speak(), d.kingdom, Dog.kingdom, Animal.count, Animal.create("Fido"), Dog.describe(), d.describe())
print(isinstance(d, Animal), issubclass(Dog, Animal), type(d) is Dog, type(d).__name__, Dog.__mro__)
print(Dog.__bases__, Dog.__name__, Dog.__qualname__, d.__class__.__name__, d.__dict__, vars(d))


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


print(D().who(), [k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))


class Temperature:
    def __init__(self, celsius=0.0):
        self._celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32


t = Temperature(25)
t.celsius = 30
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(t.missing)
except AttributeError as e:
    print("AttributeError:", e)


class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __len__(self):
        return 2

    def __iter__(self):
        yield self.x
        yield self.y

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __contains__(self, v):
        return v in (self.x, self.y)

    def __bool__(self):
        return bool(self.x or self.y)

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __str__(self):
        return f"<{self.x}, {self.y}>"


v = Vector(1, 2) + Vector(3, 4)
print(v, repr(v), v * 2, 3 * v, -v, list(v), v[0], 4 in v, len(v), bool(Vector(0, 0)), v == Vector(4, 6), v != Vector(4, 6))
print(sorted([Vector(2, 1), Vector(1, 5), Vector(1, 2)]), {Vector(1, 1), Vector(1, 1)}, str(v), f"{v}", f"{v!r}")
print(max([Vector(2, 1), Vector(1, 5)]), Vector(1, 2) in [Vector(1, 2)], [str(x) for x in [v]])


class Registry:
    plugins = []

    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.key = key
        Registry.plugins.append(cls.__name__)


class PluginA(Registry, key="a"):
    pass


class PluginB(Registry):
    pass


print(Registry.plugins, PluginA.key, PluginB.key)


class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(obj, self.name, value)


class Order:
    qty = Positive()

    def __init__(self, qty):
        self.qty = qty


o = Order(5)
print(o.qty, o._qty, type(Order.qty).__name__)
try:
    Order(-1)
except ValueError as e:
    print(e)


class Lazy:
    def __getattr__(self, name):
        return f"computed {name}"


print(Lazy().anything)


class Callable:
    def __call__(self, x):
        return x * 10


print(Callable()(4), callable(Callable()))


class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)


class Tagged(metaclass=Meta):
    pass


class SubTagged(Tagged):
    pass


print(Tagged.tag, SubTagged.tag, type(Tagged).__name__)


class Counter:
    instances = 0

    def __new__(cls, *args):
        cls.instances += 1
        return super().__new__(cls)

    def __init__(self, value):
        self.value = value


Counter(1)
Counter(2)
print(Counter.instances)


class NoInit:
    pass


try:
    NoInit(1)
except TypeError as e:
    print(e)
p = NoInit()
p.dynamic = 42
print(p.dynamic, hasattr(p, "dynamic"), getattr(p, "nope", "default"))
setattr(p, "other", 1)
delattr(p, "other")
print(hasattr(p, "other"))


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


print(Point(1, 2).x)


class Base:
    def template(self):
        return f"[{self.hook()}]"

    def hook(self):
        raise NotImplementedError


class Impl(Base):
    def hook(self):
        return "impl"


print(Impl().template())
try:
    Base().template()
except NotImplementedError as e:
    print("NotImplementedError", repr(e))


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v


try:
    hash(Eq(1))
except TypeError as e:
    print(e)
print(Eq(1) == Eq(1), Eq(1) != Eq(2))
