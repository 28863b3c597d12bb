# Core joins (inner, left outer, with explicit ON and aliases), implicit
# FROM lists, scalar subqueries, EXISTS with correlation, derived tables.
from sqlalchemy import (MetaData, Table, Column, Integer, String, ForeignKey, create_engine, select, insert,
    func, exists, and_)

engine = create_engine("sqlite://")
metadata = MetaData()
dept = Table("dept", metadata, Column("id", Integer, primary_key=True), Column("name", String(30)))
emp = Table("emp", metadata, Column("id", Integer, primary_key=True), Column("name", String(30)),
    Column("salary", Integer), Column("dept_id", ForeignKey("dept.id")))
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(dept), [{"name": "eng"}, {"name": "ops"}, {"name": "empty"}])
    conn.execute(insert(emp), [{"name": "ada", "salary": 10, "dept_id": 1}, {"name": "bob", "salary": 7, "dept_id": 1},
                               {"name": "cy", "salary": 5, "dept_id": 2}])
    boss = emp.alias("boss")
    totals = select(emp.c.dept_id, func.sum(emp.c.salary).label("total")).group_by(emp.c.dept_id).subquery()
    statements = [
        select(emp.c.name, dept.c.name).join_from(emp, dept, emp.c.dept_id == dept.c.id).order_by(emp.c.name),
        select(dept.c.name, func.count(emp.c.id)).select_from(dept.outerjoin(emp, dept.c.id == emp.c.dept_id)).group_by(dept.c.name).order_by(dept.c.name),
        select(emp.c.name, dept.c.name).where(emp.c.dept_id == dept.c.id, dept.c.name == "eng").order_by(emp.c.id),
        select(emp.c.name, boss.c.name).join_from(emp, boss, emp.c.dept_id == boss.c.dept_id).where(boss.c.salary > emp.c.salary),
        select(emp.c.name).where(emp.c.salary == select(func.max(emp.c.salary)).scalar_subquery()),
        select(dept.c.name).where(exists().where(emp.c.dept_id == dept.c.id)).order_by(dept.c.name),
        select(dept.c.name).where(~exists().where(emp.c.dept_id == dept.c.id)),
        select(dept.c.name, totals.c.total).join_from(dept, totals, dept.c.id == totals.c.dept_id).order_by(totals.c.total),
        select(func.count()).select_from(select(emp.c.id, emp.c.name).where(emp.c.salary > 6).subquery()),
        select(emp.c.name).where(and_(emp.c.salary > 1, emp.c.dept_id.in_(select(dept.c.id).where(dept.c.name != "ops")))),
    ]
    for stmt in statements:
        print(conn.execute(stmt).all())
