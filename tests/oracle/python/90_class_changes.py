# Class namespaces changed after use: methods and attributes replaced,
# added and deleted on a base class, seen at once by subclasses and
# instances that had already looked them up.
class Base:
    kind = "base"

    def greet(self):
        return "hello"


class Child(Base):
    pass


class Grandchild(Child):
    pass


g = Grandchild()
print(g.greet(), g.kind, Grandchild.kind)
Base.greet = lambda self: "replaced"
print(g.greet())
Child.greet = lambda self: "child's"
print(g.greet(), Base().greet())
del Child.greet
print(g.greet())
Base.kind = "changed"
print(g.kind, Child.kind)
Child.extra = 1
print(g.extra, hasattr(Base(), "extra"))
del Base.kind
try:
    g.kind
except AttributeError as e:
    print("AttributeError:", e)
setattr(Base, "kind", "again")
print(g.kind)
g.kind = "own"
print(g.kind, Grandchild.kind)
Base.__repr__ = lambda self: "<a " + type(self).__name__ + ">"
print(repr(g), [Child()])


class Prop(Base):
    @property
    def value(self):
        return 1


p = Prop()
print(p.value)
Prop.value = property(lambda self: 2)
print(p.value)
Prop.value = 3
print(p.value)
