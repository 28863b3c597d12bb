# Queries: filtering, ordering, joins, aggregates, subqueries.
# Look at: SQL log (each select() and the SQL it compiles to: joins, GROUP BY, subqueries, EXISTS).
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select, func, and_, or_, desc, exists
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Dept(Base):
    __tablename__ = "dept"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    staff: Mapped[List["Emp"]] = relationship(back_populates="dept")


class Emp(Base):
    __tablename__ = "emp"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    salary: Mapped[int]
    manager_id: Mapped[Optional[int]] = mapped_column(ForeignKey("emp.id"))
    dept_id: Mapped[Optional[int]] = mapped_column(ForeignKey("dept.id"))
    dept: Mapped[Optional[Dept]] = relationship(back_populates="staff")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    eng, ops = Dept(name="Engineering"), Dept(name="Ops")
    s.add_all([eng, ops, Dept(name="Empty")])
    s.add_all([
        Emp(name="ann", salary=120, dept=eng), Emp(name="bob", salary=100, dept=eng),
        Emp(name="cid", salary=90, dept=ops), Emp(name="dee", salary=95, dept=ops),
        Emp(name="eve", salary=80),
    ])
    s.commit()

    print(s.scalars(select(Emp.name).where(Emp.salary >= 95).order_by(desc(Emp.salary))).all())
    print(s.scalars(select(Emp.name).where(or_(Emp.name.like("a%"), and_(Emp.salary < 95, Emp.dept_id.is_not(None))))).all())
    print(s.scalars(select(Emp.name).where(Emp.name.in_(["bob", "eve", "zed"])).order_by(Emp.name)).all())
    print(s.scalars(select(Emp.name).where(Emp.salary.between(90, 100)).order_by(Emp.id).limit(2).offset(1)).all())
    print(s.execute(select(Dept.name, func.count(Emp.id)).join(Emp).group_by(Dept.name).order_by(Dept.name)).all())
    print(s.execute(select(Dept.name, func.count(Emp.id)).outerjoin(Dept.staff).group_by(Dept.id).having(func.count(Emp.id) < 2).order_by(Dept.name)).all())
    print(s.scalar(select(func.avg(Emp.salary)).where(Emp.dept_id == eng.id)))
    top = select(func.max(Emp.salary)).scalar_subquery()
    print(s.scalars(select(Emp.name).where(Emp.salary == top)).one())
    print(s.scalars(select(Dept.name).where(exists().where(Emp.dept_id == Dept.id)).order_by(Dept.name)).all())
    sub = select(Emp.dept_id, func.sum(Emp.salary).label("total")).group_by(Emp.dept_id).subquery()
    print(s.execute(select(Dept.name, sub.c.total).join(sub, Dept.id == sub.c.dept_id).order_by(sub.c.total)).all())
    print(s.scalars(select(Emp.name).join(Emp.dept).where(Dept.name == "Ops").order_by(Emp.name)).all())
    print(s.scalars(select(Emp.name).where(Emp.dept == None)).all())
    print(s.scalar(select(func.count()).select_from(Emp)))
    print(s.scalars(select(Emp.name).distinct().order_by(Emp.name.desc()).limit(3)).all())
