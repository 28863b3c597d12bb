# Assignment expressions and conditional expressions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"{n} items")
while (item := data.pop()) != 1:
    print("popped", item)
print(data)
values = [y for x in range(6) if (y := x * x) % 2 == 0]
print(values, y)
line_iter = iter(["a", "b", ""])
while line := next(line_iter):
    print("line", line)
scores = {"ada": 91, "bob": 78, "cy": 85}
labels = {name: ("A" if s >= 90 else "B" if s >= 80 else "C") for name, s in scores.items()}
print(labels)
print(max(scores, key=scores.get) if scores else None, [s for s in scores.values() if s > 80] or ["none"])
x = 0
result = x or "default"
other = x and "never"
print(result, other, None or 0 or [] or "last", 1 and 2 and 3, not None, (not 0) + 1)
