# an instance's __dict__.keys()/values()/items() are views: set operations work
d = {"a": 1, "b": 2}
print(d.keys() - {"a"}, d.keys() & {"b"}, d.keys() | {"c"} == {"a", "b", "c"})
class C: pass
c = C(); c.x = 1; c.y = 2
print(type(c.__dict__).__name__, sorted(c.__dict__.keys() - {"x"}), c.__dict__.items() - {("x", 1)})
