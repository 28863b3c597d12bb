# Loops with else, break/continue, nested loops, while conditions.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
i = 0
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    if i > 7:
        break
    print(i, end=",")
else:
    print("no break")
print()
count = 0
while count < 3:
    count += 1
else:
    print("while finished", count)
for x in []:
    print("never")
else:
    print("empty loop else")
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            found = (row, v)
            break
    if found:
        break
print(found)
value = 15
if value < 10:
    size = "small"
elif value < 20:
    size = "medium"
else:
    size = "large"
print(size, "big" if value > 100 else "not big", value if value else "zero")
for i in range(3):
    pass
print(i)
while True:
    value -= 4
    if value < 0:
        break
print(value)
