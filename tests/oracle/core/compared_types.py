"""How a value compared with a column is bound (coerce_compared_value): as the
column's type, unless the value is of another kind; a string for a Date column
in an INSERT is a StatementError."""
import datetime, decimal, enum
from sqlalchemy import *
class Color(enum.Enum):
    red = 1
    blue = 2
m = MetaData()
t = Table("t", m, Column("id", Integer, primary_key=True), Column("price", Numeric(10, 2)), Column("day", Date), Column("at", DateTime),
          Column("name", String(10)), Column("flag", Boolean), Column("color", Enum(Color)), Column("f", Float), Column("tm", Time))
e = create_engine("sqlite://")
m.create_all(e)
with e.begin() as c:
    c.execute(insert(t).values(price=decimal.Decimal("12.50"), day=datetime.date(2024, 1, 2), at=datetime.datetime(2024, 1, 2, 3, 4), name="x", flag=True, color=Color.red, f=1.5, tm=datetime.time(1, 2)))
    for crit in [t.c.price > 10, t.c.price > 10.5, t.c.day > "2024-01-01", t.c.day == datetime.datetime(2024, 1, 2), t.c.at > datetime.date(2024, 1, 1),
                 t.c.at > "2024-01-01", t.c.id == "1", t.c.name == 5, t.c.flag == 1, t.c.color == Color.red, t.c.color == "red", t.c.f > 1, t.c.tm > "00:00",
                 t.c.price.between(1, 20), t.c.day.in_(["2024-01-02"]), t.c.id + 1 > 1]:
        try:
            print(c.execute(select(t.c.id).where(crit)).all())
        except Exception as ex:
            print(type(ex).__name__, str(ex).splitlines()[0])

with e.begin() as c:
    try:
        c.execute(insert(t).values(day="2024-01-05"))
    except Exception as ex:
        print(type(ex).__name__, ex)
    try:
        c.execute(select(cast("2024-01-05", Date))).scalar()
    except Exception as ex:
        print(type(ex).__name__, ex)
    print(c.execute(select(literal(datetime.date(2024, 1, 5)), literal(decimal.Decimal("1.50")))).one())
