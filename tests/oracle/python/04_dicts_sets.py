# Dicts keep insertion order; sets of small ints print in hash order.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(d.setdefault("a", 100), d.setdefault("e", 5), d)
print(d.pop("e"), d.pop("zz", None), d)
d.update({"x": 9}, y=10)
d.update([("p", 1)])
print(d)
del d["x"]
print(d.popitem(), d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]), max(counts, key=counts.get))
print({k: v * 2 for k, v in counts.items()}, dict(zip("abc", range(3))), dict(a=1, b=2), dict([(1, 2)]))
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "tuple"}, dict.fromkeys("ab", 0))
print(d == dict(d), {"a": 1} == {"a": 1.0}, {**{"a": 1}, "b": 2, **{"a": 3}})
inv = {v: k for k, v in counts.items()}
print(inv)
s = {3, 1, 2}
s.add(10)
s.add(2)
print(s, len(s), 2 in s, {1, 2} | {2, 3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, set(), frozenset([1, 2]), {x % 3 for x in range(10)})
s.discard(10)
s.remove(1)
print(s, sorted({"b", "a", "c"}), set([5, 5, 6]), {100, 8, 16, 1})
try:
    s.remove(42)
except KeyError as e:
    print("missing", e)
nested = {"users": [{"name": "ada", "tags": ["x"]}], "count": 1}
print(nested["users"][0]["tags"][0], nested)
for key, value in sorted(nested.items()):
    print(key, "->", value)
e = {}
print(e, bool(e), dict(), {}.get(1, "d"))
try:
    hash([])
except TypeError as err:
    print(err)
try:
    {[]: 1}
except TypeError as err:
    print(err)
print(set("hello") == {"h", "e", "l", "o"}, sorted(set("hello")), {1, 2}.union([3], (4,)), {1, 2, 3}.intersection({2, 3, 4}))
print({1, 2}.issubset({1, 2, 3}), {1, 2, 3}.issuperset({1}), {1}.isdisjoint({2}), frozenset({1}) == {1})
