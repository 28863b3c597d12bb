# Less common builtins: translate, bytes methods, int.to_bytes, unions, float forms.
print("abc".translate(str.maketrans("ab", "xy")), "hello".translate({ord("l"): None}))
print(int.from_bytes(b"\x01\x00", "big"), (256).to_bytes(2, "big"))
print(list(map(len, ["a", "bb"])), sorted(["b", "A", "c"], key=str.lower), " ".join(sorted({"x": 1, "a": 2})))
print(b"abc".upper(), b"a,b".split(b","), bytes.fromhex("ff00"))
print(dict(a=1) | dict(b=2), {**dict(a=1)}, type({}.keys()).__name__)
print(f"{3.14159:.3}", f"{1e-5:.2}", "{:,}".format(1234567.5), "%.2e" % 0.000123)
print(isinstance(1, float | int), int | None)
print(hash((1, "a")) == hash((1, "a")), (1).__add__(2), "a".__len__(), [1, 2].__contains__(2))
print(getattr(__builtins__, "len", None) is len if not isinstance(__builtins__, dict) else True)
x = [3, 1, 2]
print(x.sort() is None, x, max(x, default=0), min([], default=None))
print(round(2.5), round(-0.5), round(1.25, 1), round(1.35, 1), 10 // 3, -10 // 3, 10 % -3)
print(str(1e22), str(1e21), 1e-5, 123e-7, float("1.5e+10"), float(".5"), float("5."))
print(list(zip(*[(1, 2), (3, 4)])), dict(zip("ab", "cd")), list(enumerate("ab", 1)))
print("a" "b", 'c' 'd', """multi
line""", r"\n")
class A: pass
a = A()
print(type(a).__qualname__, A.__module__, a.__class__ is A, A.__name__, repr(A)[:20])
print(divmod(-7, -2), pow(-2, 3), (-2) ** 0.5 if False else "skip", abs(-0.0), 0.0 == -0.0)
print(sum([[1], [2]], []), any(x > 2 for x in [1, 3]), list(filter(None, [0, 1, 2])))
import string
print(string.punctuation[:5], "{0:{1}}".format("x", 3) + "|")
