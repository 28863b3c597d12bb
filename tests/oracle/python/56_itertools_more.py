# itertools recipes learners meet.
from itertools import accumulate, chain, count, cycle, groupby, islice, permutations, product, repeat, starmap, tee, zip_longest

print(list(islice(cycle("ab"), 5)), list(zip(count(1), "xyz")), list(repeat(0, 3)))
scores = [("ada", 90), ("bob", 70), ("ada", 85), ("bob", 95), ("cy", 60)]
for name, group in groupby(sorted(scores), key=lambda s: s[0]):
    marks = [m for _, m in group]
    print(name, marks, sum(marks) / len(marks))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate(range(5), initial=100)))
print(list(chain("ab", [1], (2,))), list(starmap(lambda a, b: a ** b, [(2, 5), (3, 2)])))
a, b = tee([1, 2, 3])
print(list(a), list(b), list(zip_longest([1, 2, 3], "ab", fillvalue=0)))
print(len(list(product(range(3), repeat=2))), list(permutations("abc"))[:3])
evens = (n for n in count() if n % 2 == 0)
print(list(islice(evens, 5)), list(islice(range(100), 10, 20, 3)))
