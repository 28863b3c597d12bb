# decimal, json, re, uuid, random (seeded) and logging.
import json
import logging
import random
import re
import uuid
from decimal import ROUND_HALF_UP, Decimal, getcontext

a = Decimal("10.25")
b = Decimal("3")
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, abs(Decimal("-1.50")), a ** 2)
print(repr(a), str(Decimal("1E+3")), Decimal("0.000001"), Decimal("0.0000001"), Decimal(1) / Decimal(7), Decimal("1.10") + Decimal("2.20"))
print(Decimal(0.1), Decimal("0.1") * 3 == Decimal("0.3"), Decimal("2.675").quantize(Decimal("0.01")), Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
print(Decimal("19.99") * 3, sum([Decimal("0.1")] * 10), Decimal(5) > 4, Decimal("1.0") == 1, int(Decimal("7.9")), float(Decimal("2.5")), round(Decimal("2.5")), round(Decimal("1.2345"), 2))
print(f"{Decimal('1234.5'):.2f}", f"{Decimal('1234.5678'):,.2f}", Decimal("100").sqrt(), Decimal("2").sqrt(), getcontext().prec, Decimal(-0), Decimal("-0.00"))
print(sorted([Decimal("1.5"), Decimal("0.5"), Decimal("1")]), Decimal("3.00").normalize(), Decimal(" 42 "), Decimal((1, (1, 2, 3), -2)), Decimal("1.23").as_tuple())
try:
    Decimal("1.5") + 1.5
except TypeError as e:
    print(e)
data = {"name": "Ada", "age": 36, "tags": ["x", "y"], "active": True, "score": 9.5, "none": None, "nested": {"k": [1, {"z": 2}]}}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps("héllo ☃"), json.dumps("héllo", ensure_ascii=False), json.dumps([1, 2], separators=(",", ":")), json.dumps({1: "a", True: "b", None: 3}))
print(json.loads(s) == data, json.loads('{"a": [1, 2.5, "x", null, true]}'), json.loads("3"), json.loads('"\\u00e9"'), json.dumps([]), json.dumps({}))
print(json.dumps({"when": "d"}, default=str), json.dumps((1, 2)), json.dumps(1e20), json.dumps(float("inf")))
try:
    json.dumps({"x": {1, 2}})
except TypeError as e:
    print(e)
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print(type(e).__name__, e, isinstance(e, ValueError))
try:
    json.loads("[1, 2")
except ValueError as e:
    print(e)
email = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.]+$")
print(bool(email.match("ada@example.com")), bool(email.match("not-an-email")), email.pattern)
m = re.search(r"(\d{4})-(\d{2})-(\d{2})", "Released on 2024-03-15, updated 2024-04-01")
print(m.group(), m.group(1), m.groups(), m.span(), m.start(2), m.end(), m)
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2"), re.sub(r"\s+", " ", "too   many    spaces"), re.split(r"[,;]\s*", "a, b;c"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home"), re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2"), re.match(r"x", "yx"), re.fullmatch(r"\d+", "123"))
named = re.match(r"(?P<first>\w+) (?P<last>\w+)", "Ada Lovelace")
print(named.group("last"), named.groupdict(), named["first"], re.escape("a.b*c"), re.IGNORECASE, bool(re.match("HELLO", "hello", re.I)))
print([m.group() for m in re.finditer(r"[A-Z]\w+", "Alice met Bob and Carol")], re.subn("a", "o", "banana"))
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.version, uuid.UUID(hex="12345678123456781234567812345678") == u, str(uuid.UUID(int=1)))
v4 = uuid.uuid4()
print(type(v4).__name__, v4.version, len(str(v4)), len(v4.hex))
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.uniform(1, 2), random.randrange(0, 100, 5))
items = list(range(10))
random.shuffle(items)
print(items, random.sample(range(100), 5), random.getrandbits(16), random.choices("abc", k=4))
rng = random.Random(7)
print(rng.random(), rng.randint(0, 10))
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app.models")
log.info("created %s", "user")
log.debug("hidden")
logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
print(log.getEffectiveLevel(), logging.getLevelName(logging.INFO), logging.getLogger("sqlalchemy.engine").isEnabledFor(logging.INFO), log.name)
print("done")
