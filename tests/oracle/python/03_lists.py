# Lists: methods, slicing, sorting, copies and nesting.
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5)
a.extend([3, 5])
a.insert(0, 0)
a.insert(-1, 99)
print(a, len(a), a.count(5), a.index(9))
print(a.pop(), a.pop(0), a)
a.remove(1)
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a, a[2:5], a[::3], a[-2:], a[:100])
b = a[:]
b[0] = "changed"
print(a[0], b[0])
c = a
c.append("shared")
print(a[-1])
m = [[0] * 3 for _ in range(3)]
m[0][0] = 1
print(m)
bad = [[0] * 3] * 3
bad[0][0] = 1
print(bad)
nums = list(range(10))
nums[2:5] = ["a", "b"]
print(nums)
del nums[0]
del nums[::2]
print(nums)
nums[1:1] = [100, 200]
print(nums)
nums[::2] = [0] * len(nums[::2])
print(nums)
people = [("bob", 25), ("ada", 36), ("cy", 25), ("dee", 31)]
print(sorted(people, key=lambda p: p[1]), sorted(people), sorted(people, key=lambda p: (-p[1], p[0])))
print([x * 2 for x in range(5) if x % 2 == 0], [(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)], list(map(str, [1, 2])), list(filter(None, [0, 1, "", "a"])))
print([1, 2] + [3], [0] * 4, [1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0], [] or "empty", 3 in [1, 2, 3])
first, *rest = [1, 2, 3, 4]
*init, last = [1, 2, 3, 4]
x, (y, z) = 1, (2, 3)
print(first, rest, init, last, x, y, z)
stack = []
stack.append(1)
stack.append(2)
print(stack.pop(), stack)
cyc = [1, 2]
cyc.append(cyc)
print(cyc)
print(list("abc"), list((1, 2)), list({"k": 1}), list(range(3, 0, -1)), [*range(3), *"ab"])
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [row[1] for row in matrix], sum(matrix, []))
print(a.copy() is a, a.copy() == a, [].copy(), list.__name__)
a.clear()
print(a, bool(a), bool([0]))
