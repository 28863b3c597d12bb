# eval() and exec(): an expression or statements run in the module globals or a given dict.
x = 10
print(eval("x + 1"))
print(eval("  [i * x for i in range(3)]"))
print(eval("a + b", {"a": 1, "b": 2}))
print(eval("a + b", {"a": 1}, {"b": 5}))
print(eval("len(s)", {"s": "hello"}))
ns = {}
exec("y = 3\ndef f(n):\n    return n * y\nz = f(4)", ns)
print(ns["y"], ns["z"], sorted(k for k in ns if not k.startswith("__")))
exec("print('hi', x)")
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError")
try:
    eval(3)
except TypeError as e:
    print(e)
print(eval("lambda v: v * 2")(21))
