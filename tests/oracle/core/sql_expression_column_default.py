# Core INSERTs render a column's SQL expression default (default=func.now())
# in the statement, for one row, an executemany and insertmanyvalues
from sqlalchemy import *
e = create_engine("sqlite://")
m = MetaData()
t = Table("t", m, Column("id", Integer, primary_key=True), Column("v", String(10)), Column("at", DateTime, default=func.now()), Column("code", String, default="x"))
m.create_all(e)
with e.begin() as c:
    c.execute(insert(t), [{"v": "a"}, {"v": "b"}])
    c.execute(insert(t).values(v="c"))
    r = c.execute(insert(t).returning(t.c.id, t.c.at), [{"v": "d"}, {"v": "e"}])
    print([(i, type(a).__name__) for i, a in r.all()])
    print([(v, type(a).__name__, code) for v, a, code in c.execute(select(t.c.v, t.c.at, t.c.code)).all()])
