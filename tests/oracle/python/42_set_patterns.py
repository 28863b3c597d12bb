# Sets for membership, deduplication and relationships.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {3} < a, a.isdisjoint({9}))
print(sorted(set("mississippi")), len(set([1, 1, 2, 2, 3])), list(dict.fromkeys([3, 1, 3, 2, 1])))
seen = set()
unique = []
for x in [5, 3, 5, 1, 3, 9]:
    if x not in seen:
        seen.add(x)
        unique.append(x)
print(unique, seen)
s = {10, 20}
s.update([30], (40,))
s.discard(99)
print(s, s.pop() in {10, 20, 30, 40}, len(s))
fs = frozenset({1, 2})
print(fs, {fs: "frozen key"}[frozenset([2, 1])], fs | {3}, type(fs | {3}).__name__, hash(fs) == hash(frozenset([1, 2])))
print({0, 1, 2, 3} - {x for x in range(10) if x % 2}, {-1, -2, 5}, {1, 100, 1000, 7})
words = {"apple", "banana"}
print(sorted(words | {"cherry"}), "apple" in words, sorted(w.upper() for w in words))
try:
    {[1, 2]}
except TypeError as e:
    print(e)
empty = set()
print(empty, bool(empty), set() == frozenset(), {1, 2} == {2, 1})
