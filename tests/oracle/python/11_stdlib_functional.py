# functools, itertools, operator, collections.
import functools
import itertools
import operator
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple
from functools import lru_cache, partial, reduce, wraps

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 1))
double = partial(operator.mul, 2)
print(double(21), partial(int, base=2)("1010"))


def logged(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper


@logged
def documented():
    """Docs survive wrapping."""
    return 1


print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)


@lru_cache(maxsize=None)
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)


print(slow_fib(60), slow_fib.cache_info().hits > 0)


@functools.total_ordering
class Version:
    def __init__(self, major, minor):
        self.key = (major, minor)

    def __eq__(self, other):
        return self.key == other.key

    def __lt__(self, other):
        return self.key < other.key


print(Version(1, 2) <= Version(1, 3), Version(2, 0) > Version(1, 9), Version(1, 0) >= Version(1, 0))
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.chain([1, 2], "ab")), list(itertools.repeat("x", 3)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], operator.mul)))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")], list(itertools.product("ab", [1, 2])))
print(list(itertools.permutations([1, 2, 3], 2)), list(itertools.combinations("abcd", 2)), list(itertools.pairwise([1, 2, 3])))
print(list(itertools.zip_longest("ab", [1], fillvalue="-")), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress("abc", [1, 0, 1])))
print(list(itertools.islice("abcdefg", 2, None, 2)), list(itertools.combinations_with_replacement("ab", 2)))
print(sorted([("b", 2), ("a", 1)], key=operator.itemgetter(1)), operator.attrgetter("real")(5), operator.itemgetter(0, 2)("abc"))
print(operator.methodcaller("upper")("x"), operator.neg(3), operator.contains([1], 1), operator.getitem({"a": 1}, "a"))
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], sum(c.values()), list(c.elements())[:4], c.total())
c.update("aaz")
print(c["a"], c["z"], Counter(a=3) + Counter(a=1, b=2), Counter({"x": 1}))
dd = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dict(dd), dd["z"], len(dd), defaultdict(int)["k"])
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts)
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields, tuple(p), p == (1, 2), isinstance(p, tuple))
Row = namedtuple("Row", "id name active", defaults=[True])
print(Row(1, "ada"), Row._make([2, "bob", False]))
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.move_to_end("b")
print(od, list(od), od.popitem(), od)
q = deque([1, 2, 3], maxlen=4)
q.append(4)
q.append(5)
q.appendleft(0)
print(q, q.popleft(), q.pop(), len(q), list(q))
q.rotate(1)
print(q)
