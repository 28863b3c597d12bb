# Comprehensions of every kind, nested and filtered.
words = ["apple", "Banana", "cherry", "date", "Elderberry", "fig"]
print([w.lower() for w in words if len(w) > 4])
print({w[0].lower(): len(w) for w in words})
print({len(w) for w in words} == {5, 6, 4, 10, 3})
print(sorted({len(w) for w in words}))
print([(i, j) for i in range(3) for j in range(3) if i != j])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([x if x % 2 else -x for x in range(6)])
flat = [c for w in words[:2] for c in w]
print(flat, "".join(flat))
print(dict((k, v) for k, v in zip("abc", range(3))), list(x for x in "hi"))
matrix = [[1, 2], [3, 4], [5, 6]]
print([[row[i] for row in matrix] for i in range(2)])
print({k: v for k, v in sorted({"b": 2, "a": 1}.items())})
print([n for n in range(30) if all(n % d for d in range(2, n)) and n > 1])
print(sum(len(w) for w in words), any(w.istitle() for w in words), [i for i, w in enumerate(words) if w[0].isupper()])
x = "outer"
print([x for x in "ab"], x)
nested = {outer: {inner: outer * inner for inner in range(3)} for outer in range(2)}
print(nested)
