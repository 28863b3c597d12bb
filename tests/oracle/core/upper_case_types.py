"""The upper-case SQL types (DATE, TIMESTAMP, DATETIME, BOOLEAN, NUMERIC, DECIMAL, FLOAT, REAL, TIME) process values as their generic types do, in Core tables and in a table reflected with autoload_with."""
import datetime, decimal
from sqlalchemy import *
m = MetaData()
t = Table("t", m, Column("id", INTEGER, primary_key=True), Column("d", DATE), Column("ts", TIMESTAMP), Column("dt", DATETIME), Column("b", BOOLEAN),
          Column("n", NUMERIC(8, 2)), Column("dec", DECIMAL(6, 3)), Column("f", FLOAT), Column("r", REAL), Column("tm", TIME), Column("v", VARCHAR(5)), Column("tx", TEXT))
e = create_engine("sqlite://")
m.create_all(e)
with e.begin() as c:
    c.execute(insert(t).values(d=datetime.date(2024, 1, 2), ts=datetime.datetime(2024, 1, 2, 3, 4, 5), dt=datetime.datetime(2024, 5, 6), b=True,
                               n=decimal.Decimal("1.50"), dec=decimal.Decimal("2.125"), f=1.5, r=2.5, tm=datetime.time(1, 2, 3), v="abc", tx="t"))
    print(c.execute(select(t)).one())
    print(c.execute(text("SELECT d, ts, dt, b, n, dec, f, r, tm FROM t")).one())
    print(c.execute(select(t.c.id).where(t.c.d == datetime.date(2024, 1, 2), t.c.b)).all())
    r = Table("t", MetaData(), autoload_with=c)
    print([repr(col.type) for col in r.c])
    print(c.execute(select(r)).one())
