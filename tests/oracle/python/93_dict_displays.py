# Dict displays with string-constant keys are built from a copy of a
# template: each evaluation is a new dict, values evaluate left to right,
# a repeated key keeps its first place and its last value.
def make(v):
    return {"a": v, "b": [v]}

d1 = make(1)
d1["a"] = 99
d1["c"] = 3
del d1["b"]
d2 = make(2)
print(d1, d2, d1 is d2, make(3) == make(3))

order = []
def f(x):
    order.append(x)
    return x

d = {"k1": f(1), "k2": f(2), "k3": f(3)}
print(order, d)
print({"a": 1, "a": 2, "b": 3}, {"a": 1, 1: "one", "a": 3})
print({"x": 1, **{"y": 2, "x": 0}}, {**{"y": 2}, "x": 1})
rows = [{"label": "x", "qty": i} for i in range(3)]
rows[0]["qty"] = 10
rows[1].pop("label")
print(rows)
for i in range(2):
    e = {"i": i}
    e["j"] = i * 2
    print(e, list(e), "i" in e, e.get("j"))
try:
    {"a": 1, "b": 1 / 0}
except ZeroDivisionError as exc:
    print("ZeroDivisionError", exc, order)
print({"caf\u00e9": 1, "": 2}, {"a" "b": 1})
