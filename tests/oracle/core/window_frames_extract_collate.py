# Window frames (rows=, range_=, groups=; their bounds bound as parameters in
# 2.1), extract() as SQLite's STRFTIME, collations (collate(), .collate(),
# String(collation=...)), the free-function forms (over, between, label,
# funcfilter, alias, cte, nullsfirst/nullslast), a function's compared value
# named after it, and compile(dialect=sqlite.dialect()).
import datetime
from sqlalchemy import (MetaData, Table, Column, Integer, String, Date, create_engine, insert, select, func, over, between,
    label, funcfilter, alias, cte, nullslast, extract, collate, desc)
from sqlalchemy.exc import CompileError, ArgumentError
from sqlalchemy.schema import CreateTable
from sqlalchemy.dialects import sqlite

engine = create_engine("sqlite://")
md = MetaData()
emp = Table(
    "emp", md,
    Column("id", Integer, primary_key=True),
    Column("name", String(20, collation="NOCASE")),
    Column("dept", String(10)),
    Column("salary", Integer),
    Column("hired", Date),
)
print(CreateTable(emp))
md.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(emp), [
        {"name": "ann", "dept": "eng", "salary": 100, "hired": datetime.date(2020, 1, 5)},
        {"name": "Bob", "dept": "eng", "salary": 80, "hired": datetime.date(2021, 3, 1)},
        {"name": "cy", "dept": "ops", "salary": 90, "hired": datetime.date(2019, 7, 9)},
        {"name": "di", "dept": "ops", "salary": None, "hired": datetime.date(2022, 12, 2)},
    ])
    q = select(
        emp.c.name,
        func.sum(emp.c.salary).over(order_by=emp.c.id, rows=(None, 0)).label("running"),
        func.avg(emp.c.salary).over(partition_by=emp.c.dept, order_by=emp.c.salary, range_=(-10, 10)).label("near"),
        func.count().over(order_by=emp.c.id, rows=(-1, 1)).label("around"),
        over(func.max(emp.c.salary), order_by=emp.c.id, rows=(1, None)).label("later"),
        func.min(emp.c.salary).over(order_by=emp.c.salary, groups=(None, None), exclude="CURRENT ROW").label("others"),
    ).order_by(emp.c.id)
    print(q)
    for row in conn.execute(q):
        print(row)
    for bad in [dict(rows=(1, 2), range_=(1, 2)), dict(range_=(1.5, 2)), dict(rows=("a", 1)), dict(rows=(1,))]:
        try:
            func.sum(emp.c.salary).over(**bad)
        except ArgumentError as e:
            print("ArgumentError", e)
    q2 = select(emp.c.name, extract("year", emp.c.hired), extract("month", emp.c.hired).label("m"),
                func.sum(extract("doy", emp.c.hired))).group_by(emp.c.name).order_by(extract("dow", emp.c.hired))
    print(q2)
    print(q2.compile(dialect=sqlite.dialect()))
    print(conn.execute(q2).all())
    try:
        print(conn.execute(select(extract("quarter", emp.c.hired))).all())
        conn.execute(select(extract("century", emp.c.hired)))
    except CompileError as e:
        print("CompileError", e)
    q3 = select(emp.c.name).where(emp.c.name == "ANN", collate(emp.c.dept, "NOCASE") == "ENG").order_by(emp.c.name.collate("BINARY"))
    print(q3)
    print(conn.execute(q3).all(), repr(collate(emp.c.dept, "x").type), repr(emp.c.name.type))
    q4 = (select(label("n", emp.c.name), funcfilter(func.count(), emp.c.salary > 85))
          .where(between(emp.c.salary, 80, 95)).group_by(emp.c.name).having(func.count() > 0)
          .order_by(nullslast(desc(emp.c.salary))))
    print(q4)
    print(conn.execute(q4).all())
    a = alias(emp, "e2")
    c = cte(select(emp.c.dept, func.max(emp.c.salary).label("top")).group_by(emp.c.dept), "tops")
    q5 = select(a.c.name, c.c.top).join(c, c.c.dept == a.c.dept).where(a.c.salary == c.c.top).order_by(a.c.name)
    print(q5)
    print(conn.execute(q5).all())
    print(conn.execute(select(func.lower(emp.c.name)).where(func.length(emp.c.name) > 2)).scalars().all())
