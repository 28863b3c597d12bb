# More select(): with_only_columns, filter_by, filter, add_columns,
# where() chaining, literal_column, bindparam, null/true/false, tuple IN.
from sqlalchemy import (MetaData, Table, Column, Integer, String, Boolean, create_engine, insert, select,
    literal_column, bindparam, null, true, false, tuple_, and_)

engine = create_engine("sqlite://")
metadata = MetaData()
u = Table("u", metadata, Column("id", Integer, primary_key=True), Column("name", String(10)), Column("ok", Boolean))
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(u), [{"name": "a", "ok": True}, {"name": "b", "ok": False}, {"name": "c", "ok": None}])
    q = select(u).where(u.c.id > 0)
    print(conn.execute(q.with_only_columns(u.c.name).order_by(u.c.id)).all())
    print(conn.execute(select(u).filter_by(name="b")).all())
    print(conn.execute(select(u.c.name).filter(u.c.ok == True)).all())
    print(conn.execute(select(u.c.id).add_columns(u.c.name).where(u.c.id == 1).where(u.c.name == "a")).all())
    print(conn.execute(select(u.c.name, literal_column("'x'").label("tag")).order_by(u.c.id).limit(1)).all())
    print(conn.execute(select(u.c.name).where(u.c.id == bindparam("ident")), {"ident": 3}).all())
    print(conn.execute(select(u.c.name).where(u.c.ok.is_(None))).all())
    print(conn.execute(select(u.c.name).where(u.c.ok.is_not(None)).order_by(u.c.name.desc())).all())
    print(conn.execute(select(u.c.id).where(and_(true(), u.c.ok == false()))).all())
    print(conn.execute(select(u.c.name).where(tuple_(u.c.id, u.c.name).in_([(1, "a"), (3, "c")])).order_by(u.c.id)).all())
    print(conn.execute(select(u.c.name).where(u.c.name.in_(["a", "c"])).where(u.c.id.not_in([3]))).all())
    print(conn.execute(select(u.c.name).where(u.c.ok == null())).all())
