# WHERE clauses: and_, or_, not_, chained where(), comparisons with None, and filter_by-like equality.
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, Text, Numeric, Boolean, Date, DateTime, ForeignKey,
    select, insert, update, delete, func, and_, or_, not_, text, literal, literal_column, case, cast, exists, union, union_all,
    except_, intersect, bindparam, tuple_, inspect, desc, asc, nulls_first, nulls_last, distinct)

engine = create_engine("sqlite://")
metadata = MetaData()
user = Table("user_account", metadata, Column("id", Integer, primary_key=True), Column("name", String(30), nullable=False),
             Column("fullname", String(60)), Column("age", Integer))
address = Table("address", metadata, Column("id", Integer, primary_key=True), Column("user_id", ForeignKey("user_account.id"), nullable=False),
                Column("email", String(100), nullable=False))
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(user), [{"name": "spongebob", "fullname": "Spongebob Squarepants", "age": 20},
                                {"name": "sandy", "fullname": "Sandy Cheeks", "age": 33},
                                {"name": "patrick", "fullname": None, "age": 31}, {"name": "squidward", "fullname": "Squidward Tentacles", "age": None}])
    conn.execute(insert(address), [{"user_id": 1, "email": "spongebob@sqlalchemy.org"}, {"user_id": 2, "email": "sandy@sqlalchemy.org"},
                                   {"user_id": 2, "email": "sandy@squirrelpower.org"}, {"user_id": 3, "email": "pat_star%@x.org"}])


def show(stmt, **kw):
    with engine.connect() as conn:
        for row in conn.execute(stmt, kw or None):
            print(row)

show(select(user.c.name).where(and_(user.c.age > 20, or_(user.c.name == "sandy", user.c.name == "patrick"))).order_by(user.c.id))
show(select(user.c.name).where(user.c.age > 20).where(user.c.fullname != None).order_by(user.c.id))
show(select(user.c.name).where(not_(user.c.name.in_(["sandy", "patrick"]))).order_by(user.c.id))
show(select(user.c.name).where(or_(user.c.age < 21, user.c.age.is_(None))).order_by(user.c.id))
show(select(user.c.name).where(~and_(user.c.age > 20, user.c.age < 32)).order_by(user.c.id))
print(select(user.c.name).where(and_(user.c.age > 20, or_(user.c.name == "a", not_(user.c.fullname.is_(None))))))
