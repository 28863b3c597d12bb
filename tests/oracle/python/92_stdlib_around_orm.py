# The standard library around ORM scripts: dataclasses, json with default=str, format specs of Decimal and dates, itertools.groupby, Counter/defaultdict/namedtuple, functools.reduce, textwrap, re, pprint (sorted keys), statistics, datetime arithmetic, Decimal quantize.
import json, datetime, decimal, itertools, collections, dataclasses, functools, operator, textwrap, pprint, re, math, statistics, random, string
from dataclasses import dataclass, field, asdict
@dataclass(order=True)
class P:
    name: str
    tags: list = field(default_factory=list)
    score: float = 0.0
ps = [P("b", ["x"], 2.5), P("a", score=1.0)]
print(sorted(ps), asdict(ps[0]), dataclasses.replace(ps[1], score=9))
d = {"when": datetime.datetime(2024, 5, 6, 7, 8, 9), "amount": decimal.Decimal("12.30")}
print(json.dumps(d, default=str, indent=2, sort_keys=True))
print(f"{decimal.Decimal('1234.5'):,.2f} {datetime.date(2024, 1, 2):%d/%m/%Y} {3.14159:.3f} {42:08b} {'x':>5}|{1e-7:g}")
rows = [("eng", "a", 100), ("eng", "b", 200), ("ops", "c", 150)]
for k, g in itertools.groupby(rows, key=operator.itemgetter(0)):
    print(k, [r[1] for r in g])
c = collections.Counter("mississippi")
print(c.most_common(2), sorted(c.items()))
dd = collections.defaultdict(list)
for dept, name, _ in rows:
    dd[dept].append(name)
print(dict(dd), collections.OrderedDict(a=1), collections.namedtuple("R", "x y")(1, 2))
print(functools.reduce(operator.add, [1, 2, 3]), list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.islice(itertools.count(5), 3)))
print(textwrap.shorten("The quick brown fox jumps over the lazy dog", width=20), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@host"))
pprint.pprint({"b": [1, 2, {"c": 3}], "a": "x" * 10})
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), math.isclose(0.1 + 0.2, 0.3), round(2.675, 2), divmod(17, 5))
print(datetime.datetime(2024, 1, 31) + datetime.timedelta(days=1, hours=3), (datetime.date(2024, 3, 1) - datetime.date(2024, 2, 1)).days)
print(datetime.datetime.fromisoformat("2024-05-06T07:08:09").isoformat(), datetime.datetime(2024, 5, 6).strftime("%A %B %j"))
print(string.ascii_lowercase[:5], "a,b,,c".split(","), "  x ".strip(), "Hello".center(11, "*"))
class Money(decimal.Decimal):
    pass
print(sum([decimal.Decimal("0.1")] * 3), decimal.Decimal("1.005").quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP))
try:
    {}["x"]
except KeyError as e:
    print(repr(e), e.args)
print(sorted({"b": 2, "a": 1}.items(), key=lambda kv: -kv[1]), any(x > 2 for x in [1, 3]), all([]), list(zip("ab", range(3))), list(enumerate("xy", 1)))
print(*map(str.upper, ["a", "b"]), sep="-", end="!\n")
import statistics as st
print(st.mean([1, 2, 3]), st.mean([1.5, 2.5]), st.fmean([1, 2]), st.median([1, 2, 3, 4]), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]))
print(st.mode(["a", "b", "a"]), st.multimode([1, 1, 2, 2, 3]), st.variance([1, 2, 3, 4]), st.pvariance([1, 2, 3, 4]), round(st.stdev([2, 4, 4, 4, 5, 5, 7, 9]), 6), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(st.mean([decimal.Decimal("1.5"), decimal.Decimal("2.5")]))
try:
    st.mean([])
except st.StatisticsError as e:
    print(type(e).__name__, e)
