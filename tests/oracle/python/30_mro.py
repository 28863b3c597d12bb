# Multiple inheritance, C3 MRO and cooperative super().
class Base:
    def __init__(self):
        print("Base init")

    def describe(self):
        return ["Base"]


class Left(Base):
    def __init__(self):
        print("Left init")
        super().__init__()

    def describe(self):
        return ["Left"] + super().describe()


class Right(Base):
    def __init__(self):
        print("Right init")
        super().__init__()

    def describe(self):
        return ["Right"] + super().describe()


class Child(Left, Right):
    def __init__(self):
        print("Child init")
        super().__init__()

    def describe(self):
        return ["Child"] + super().describe()


c = Child()
print(c.describe(), [k.__name__ for k in Child.__mro__])


class Mixin:
    def hello(self):
        return f"hello from {type(self).__name__}"


class Thing(Mixin, dict):
    pass


t = Thing(a=1)
print(t.hello(), t["a"], isinstance(t, dict), len(t), t)
try:
    class Bad(Base, Left):
        pass
except TypeError as e:
    print("TypeError:", e)
