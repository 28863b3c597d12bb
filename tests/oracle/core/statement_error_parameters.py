# A bind processor refusing a value: SQLAlchemy's StatementError shows the
# SQL and the parameter sets as given (one dict as a list of one).
import datetime

from sqlalchemy import Column, Date, Integer, MetaData, Table, bindparam, create_engine, insert, select
from sqlalchemy.exc import StatementError

e = create_engine("sqlite://")
m = MetaData()
t = Table("t", m, Column("id", Integer, primary_key=True), Column("a", Date))
m.create_all(e)
with e.begin() as c:
    for params in ([{"a": datetime.date(2020, 1, 1)}] * 3 + [{"a": "x"}], {"a": "x"}):
        try:
            c.execute(insert(t), params)
        except StatementError as ex:
            print(type(ex.orig).__name__, ex)
    try:
        c.execute(select(t).where(t.c.a > bindparam("p", type_=Date)), {"p": "x"})
    except StatementError as ex:
        print(ex)
    try:
        c.execute(insert(t).values(a="2024-01-05"))
    except StatementError as ex:
        print(ex)
    print(c.execute(select(t)).all())
