# A recursive CTE: counting, and walking a tree.
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


nums = select(literal(1).label("n")).cte("nums", recursive=True)
nums = nums.union_all(select(nums.c.n + 1).where(nums.c.n < 5))
show(select(nums.c.n))
emp = Table("emp", metadata, Column("id", Integer, primary_key=True), Column("boss_id", Integer), Column("name", String(10)))
emp.create(engine)
with engine.begin() as conn:
    conn.execute(insert(emp), [{"id": 1, "boss_id": None, "name": "ceo"}, {"id": 2, "boss_id": 1, "name": "cto"}, {"id": 3, "boss_id": 2, "name": "dev"}])
chain = select(emp.c.id, emp.c.boss_id, emp.c.name).where(emp.c.id == 3).cte("chain", recursive=True)
boss = emp.alias("boss")
chain = chain.union_all(select(boss.c.id, boss.c.boss_id, boss.c.name).join(chain, boss.c.id == chain.c.boss_id))
show(select(chain.c.name))
