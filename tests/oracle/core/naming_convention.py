# A naming convention names constraints and indexes in CREATE TABLE and CREATE INDEX.
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


m = MetaData(naming_convention={"ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
                                "ck": "ck_%(table_name)s_%(constraint_name)s", "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                                "pk": "pk_%(table_name)s"})
from sqlalchemy import CheckConstraint, UniqueConstraint
p = Table("p", m, Column("id", Integer, primary_key=True), Column("code", String(5), unique=True))
c = Table("c", m, Column("id", Integer, primary_key=True), Column("p_id", ForeignKey("p.id")), Column("n", Integer, index=True),
          CheckConstraint("n > 0", name="positive"))
m.create_all(engine)
print(inspect(engine).get_indexes("c"))
