# Tuple unpacking, starred targets and swaps.
a, b = 1, 2
a, b = b, a
print(a, b)
x, *y, z = range(6)
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
first, *_ = "hello"
print(first, _)
*head, tail = [1]
print(head, tail)
a = b = c = []
a.append(1)
print(a, b, c, a is c)
nums = [1, 2, 3]
print(*nums, sep="-")
print(*"abc", *[1, 2])


def f(a, b, c):
    return a + b + c


print(f(*[1, 2], 3), f(**{"a": 1, "b": 2, "c": 3}), [*nums, *nums], {**{"a": 1}, "b": 2}, (*nums,))
for case in range(3):
    try:
        if case == 0:
            a, b = 1
        elif case == 1:
            a, b = [1, 2, 3]
        else:
            a, *b, c = [1]
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
