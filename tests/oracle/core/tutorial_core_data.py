# SQLAlchemy's unified tutorial, "Working with Database Metadata" and
# "Working with Data" in Core: tables, create_all, insert with values and
# executemany, RETURNING, insert from select, select with joins and
# aggregates, update and delete.
from sqlalchemy import (MetaData, Table, Column, Integer, String, ForeignKey, create_engine, insert, select,
    update, delete, func, bindparam, and_, or_)

engine = create_engine("sqlite+pysqlite:///:memory:")
metadata_obj = MetaData()
user_table = Table("user_account", metadata_obj, Column("id", Integer, primary_key=True),
    Column("name", String(30)), Column("fullname", String))
address_table = Table("address", metadata_obj, Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("user_account.id"), nullable=False), Column("email_address", String, nullable=False))
print(user_table.c.name, user_table.c.keys(), [c.name for c in user_table.primary_key])
metadata_obj.create_all(engine)

stmt = insert(user_table).values(name="spongebob", fullname="Spongebob Squarepants")
print(stmt)
with engine.connect() as conn:
    result = conn.execute(stmt)
    conn.commit()
    print(result.inserted_primary_key)

with engine.connect() as conn:
    conn.execute(insert(user_table), [{"name": "sandy", "fullname": "Sandy Cheeks"},
                                      {"name": "patrick", "fullname": "Patrick Star"}])
    conn.commit()

scalar_subq = select(user_table.c.id).where(user_table.c.name == bindparam("username")).scalar_subquery()
with engine.connect() as conn:
    conn.execute(insert(address_table).values(user_id=scalar_subq), [
        {"username": "spongebob", "email_address": "spongebob@sqlalchemy.org"},
        {"username": "sandy", "email_address": "sandy@sqlalchemy.org"},
        {"username": "sandy", "email_address": "sandy@squirrelpower.org"},
    ])
    conn.commit()

with engine.connect() as conn:
    for row in conn.execute(select(user_table).where(user_table.c.name == "spongebob")):
        print(row)
    print(conn.execute(select(user_table.c.name, address_table.c.email_address)
                       .join_from(user_table, address_table).order_by(address_table.c.id)).all())
    print(conn.execute(select(user_table.c.name, func.count(address_table.c.id).label("count"))
                       .join(address_table).group_by(user_table.c.name).having(func.count(address_table.c.id) > 1)).all())
    print(conn.execute(select(address_table.c.email_address).where(
        and_(or_(user_table.c.name == "squidward", user_table.c.name == "sandy"),
             address_table.c.user_id == user_table.c.id))).all())
    print(conn.execute(select(user_table.c.name).where(user_table.c.id.in_(
        select(address_table.c.user_id).where(address_table.c.email_address.like("%org"))))).scalars().all())
    result = conn.execute(update(user_table).where(user_table.c.name == "patrick").values(fullname="Patrick the Star"))
    print(result.rowcount)
    result = conn.execute(delete(user_table).where(user_table.c.name == "patrick"))
    print(result.rowcount)
    conn.commit()
    print(conn.execute(select(user_table.c.fullname).order_by(user_table.c.id)).scalars().all())
