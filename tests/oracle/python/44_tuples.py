# Tuples: immutability, hashing, comparison, methods.
point = (3, 4)
print(point[0], len(point), point + (5,), point * 2, point.count(3), point.index(4), (1,) * 3, tuple())
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 9, 9), ("a", 1) < ("a", 2), max([(1, "b"), (1, "a")]))
try:
    point[0] = 10
except TypeError as e:
    print(e)
locations = {(0, 0): "origin", (1, 0): "east"}
print(locations[(0, 0)], locations.get((2, 2), "unknown"), (0, 0) in locations)
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested)
try:
    hash(nested)
except TypeError as e:
    print(e)
single = ("only",)
not_tuple = ("only")
print(type(single).__name__, type(not_tuple).__name__, single, repr(()), repr((None,)))
x, y = point
print(x * y, tuple(reversed(point)), sorted((3, 1, 2)), tuple(i * i for i in range(4)))
