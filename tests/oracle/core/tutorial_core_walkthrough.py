"""The unified tutorial's Core steps end to end: executemany with a scalar
subquery, joins, GROUP BY/HAVING, a subquery joined by its proxied foreign key,
CTE, UNION ALL, EXISTS, IN, RETURNING, text(), window functions, `row.count`
naming a column, a tuple IN."""
from sqlalchemy import *
import datetime, decimal, enum, json

metadata_obj = MetaData()
user_table = Table("user_account", metadata_obj, Column("id", Integer, primary_key=True), Column("name", String(30)), Column("fullname", String))
address_table = Table("address", metadata_obj, Column("id", Integer, primary_key=True), Column("user_id", ForeignKey("user_account.id"), nullable=False), Column("email_address", String, nullable=False))
engine = create_engine("sqlite+pysqlite:///:memory:")
metadata_obj.create_all(engine)
with engine.connect() as conn:
    result = conn.execute(insert(user_table), [{"name": "spongebob", "fullname": "Spongebob Squarepants"}, {"name": "sandy", "fullname": "Sandy Cheeks"}, {"name": "patrick", "fullname": "Patrick Star"}])
    print(result.rowcount)
    scalar_subq = select(user_table.c.id).where(user_table.c.name == bindparam("username")).scalar_subquery()
    result = conn.execute(insert(address_table).values(user_id=scalar_subq), [{"username": "spongebob", "email_address": "spongebob@sqlalchemy.org"}, {"username": "sandy", "email_address": "sandy@sqlalchemy.org"}, {"username": "sandy", "email_address": "sandy@squirrelpower.org"}])
    conn.commit()
    print(conn.execute(select(user_table.c.name, address_table.c.email_address).join_from(user_table, address_table).order_by(address_table.c.id)).all())
    print(conn.execute(select(user_table).where(user_table.c.name == "spongebob")).first())
    for row in conn.execute(select(user_table.c.name, func.count(address_table.c.id).label("count")).join(address_table).group_by(user_table.c.name).having(func.count(address_table.c.id) > 1)):
        print(row.name, row.count)
    subq = select(func.count(address_table.c.id).label("count"), address_table.c.user_id).group_by(address_table.c.user_id).subquery()
    stmt = select(user_table.c.name, user_table.c.fullname, subq.c.count).join_from(user_table, subq)
    print(stmt)
    print(conn.execute(stmt).all())
    cte = select(address_table.c.user_id, func.count().label("n")).group_by(address_table.c.user_id).cte("counts")
    print(conn.execute(select(user_table.c.name, cte.c.n).join(cte, user_table.c.id == cte.c.user_id).order_by(cte.c.n.desc())).all())
    u1 = union_all(select(user_table.c.name).where(user_table.c.id == 1), select(user_table.c.name).where(user_table.c.id == 3))
    print(conn.execute(u1).scalars().all())
    print(conn.execute(select(user_table.c.name).where(exists().where(address_table.c.user_id == user_table.c.id))).scalars().all())
    print(conn.execute(select(func.lower(user_table.c.name) + literal(" (") + func.length(user_table.c.fullname).cast(String) + ")").order_by(user_table.c.id)).scalars().all())
    print(conn.execute(select(user_table.c.name).where(user_table.c.name.in_(["sandy", "nobody"]))).scalars().all())
    print(conn.execute(select(user_table.c.name).where(user_table.c.name.not_in([]))).scalars().all())
    print(conn.execute(update(user_table).where(user_table.c.name == "patrick").values(fullname="Patrick the Star")).rowcount)
    upd = update(user_table).values(fullname=user_table.c.name + " " + user_table.c.fullname).where(user_table.c.id == 2).returning(user_table.c.fullname)
    print(conn.execute(upd).scalar_one())
    print(conn.execute(delete(user_table).where(user_table.c.name == "patrick")).rowcount)
    print(conn.execute(text("SELECT name FROM user_account WHERE id > :x ORDER BY id"), {"x": 0}).scalars().all())
    r = conn.execute(text("SELECT id, name FROM user_account ORDER BY id"))
    print(r.keys(), [dict(m) for m in r.mappings()])
    print(conn.execute(select(user_table.c.name, address_table.c.email_address).select_from(user_table).outerjoin(address_table).order_by(user_table.c.id, address_table.c.id)).all())
    w = func.rank().over(order_by=func.count(address_table.c.id).desc()).label("rank")
    print(conn.execute(select(address_table.c.user_id, w).group_by(address_table.c.user_id).order_by("rank")).all())
    print(conn.execute(select(cast("2024-01-05", Date))).scalar())
    print(conn.execute(select(tuple_(user_table.c.id, user_table.c.name).in_([(1, "spongebob"), (2, "x")]))).all())
    conn.rollback()
