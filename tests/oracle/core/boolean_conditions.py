"""A Boolean column as a condition: where(col), ~col, not_(), inside and_()/or_(), HAVING of a Boolean aggregate: `col = 1` / `col = 0` on SQLite (no native booleans), `col` / `NOT col` in str(); true() as 1 or true."""
from sqlalchemy import *
m = MetaData()
t = Table("t", m, Column("id", Integer, primary_key=True), Column("done", Boolean), Column("x", Integer))
e = create_engine("sqlite://")
m.create_all(e)
with e.begin() as c:
    c.execute(insert(t), [{"done": True, "x": 1}, {"done": False, "x": 2}, {"done": None, "x": 3}])
    for crit in [t.c.done, ~t.c.done, not_(t.c.done), and_(t.c.done, t.c.x > 0), or_(t.c.done, t.c.x == 2), t.c.done == True, t.c.done.is_(True), t.c.done == False]:
        stmt = select(t.c.x).where(crit)
        print(stmt, c.execute(stmt).scalars().all())
    print(select(t.c.x).where(t.c.done).compile(e))
    print(c.execute(select(t.c.x).group_by(t.c.x).having(func.max(t.c.done))).scalars().all())
    print(c.execute(select(t.c.done)).scalars().all())
