# compile() in its three modes, exec/eval of code objects, the interactive
# mode's displayhook, and print() through a replaced sys.stdout
import sys


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


ns = {"print_function": print}
cap = Capture()
old = sys.stdout
sys.stdout = cap
exec(compile("x = 40\n", "<doctest a[0]>", "single"), ns)
exec(compile("x + 2\n", "<doctest a[0]>", "single"), ns)
exec(compile("for i in range(3):\n    i\n", "<doctest a[1]>", "single"), ns)
exec(compile("def f():\n    return later + 1\n", "<doctest a[2]>", "single"), ns)
exec(compile("later = 10\n", "<doctest a[3]>", "single"), ns)
exec(compile("f()\n", "<doctest a[4]>", "single"), ns)
exec(compile("None\n", "<doctest a[5]>", "single"), ns)
exec(compile("print('a', 'b', sep='-')\n", "<doctest a[6]>", "single"), ns)
exec(compile("'text'\n", "<doctest a[7]>", "single"), ns)
sys.stdout = old
print(cap.parts)
print(sys.stdout is old, sys.displayhook is sys.__displayhook__)

code = compile("1 + 2", "<expr>", "eval")
print(type(code).__name__, eval(code), eval(code, {}))
code = compile("y = 5", "<stmt>", "exec")
g = {}
print(exec(code, g), g["y"])
try:
    compile("x +", "<bad>", "exec")
except SyntaxError as e:
    print("SyntaxError")
try:
    compile("x = 1\ny = 2\n", "<two>", "single")
except SyntaxError as e:
    print(e.msg)
try:
    compile("1", "<m>", "bogus")
except ValueError as e:
    print(e)

seen = []
sys.displayhook = seen.append
exec(compile("7 * 6\n", "<hook>", "single"), {})
sys.displayhook = sys.__displayhook__
print(seen)
print(compile("x", "f", "exec", dont_inherit=True) is not None)
