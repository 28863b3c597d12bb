# a class's repr follows __module__, whether set in its body or after
class A:
    __module__ = "x.y"
class B: pass
B.__module__ = "p.q"
print(repr(A())[:12], repr(B())[:12], A.__module__, B.__module__)
