# The iterator protocol: iter(), next(), StopIteration, sentinels.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


c = Countdown(3)
print(next(c), list(c), list(c), next(c, "done"))
it = iter([10, 20, 30])
print(next(it), next(it), list(it))
chunks = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(chunks), "")))
pairs = zip(range(3), "abc", [True, False, None])
print(list(pairs), list(pairs))
e = enumerate(["x", "y"], 10)
print(next(e), list(e))
m = map(lambda a, b: a * b, [1, 2, 3], [4, 5])
print(list(m))
print(list(filter(lambda s: s.isupper(), "aBcDe")), sum(1 for _ in range(7)), list(reversed((1, 2, 3))))
r = reversed([1, 2])
print(type(r).__name__, next(r), list(r))
try:
    next(iter([]))
except StopIteration:
    print("empty iterator")
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
d = {"a": 1, "b": 2}
try:
    for k in d:
        d["c"] = 3
except RuntimeError as e:
    print(e)
