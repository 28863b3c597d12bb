# CTEs come in the order SQLAlchemy's compiler registers them (one used by
# another's body first; a column's subquery before the FROM list), and
# str() lays them out as it does ("name AS \n(...)", ", \n", "\n ").
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select, literal, func

engine = create_engine("sqlite://")
md = MetaData()
t = Table("t", md, Column("id", Integer, primary_key=True), Column("parent", Integer), Column("name", String(10)))
md.create_all(engine)
a = select(t.c.id).where(t.c.id > 1).cte("a")
b = select(t.c.name).where(t.c.id.in_(select(a.c.id))).cte("b")
q = select(b.c.name, select(func.count()).select_from(a).scalar_subquery().label("n")).order_by(b.c.name)
print(q)
r = select(t.c.id, literal(0).label("depth")).where(t.c.parent.is_(None)).cte("tree", recursive=True)
r = r.union_all(select(t.c.id, r.c.depth + 1).join(r, t.c.parent == r.c.id))
q2 = select(r.c.id, r.c.depth).order_by(r.c.id)
print(q2)
with engine.begin() as conn:
    conn.execute(insert(t), [{"parent": None, "name": "root"}, {"parent": 1, "name": "kid"}, {"parent": 2, "name": "grandkid"}])
    print(conn.execute(q).all())
    print(conn.execute(q2).all())
