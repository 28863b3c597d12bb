"""The queries lesson through the legacy Query API: joins, outer joins, GROUP BY/HAVING, a Query as a scalar subquery, IN a subquery, relationship comparisons with None, exists(), with_entities/distinct, window functions, case(), get/one_or_none/one errors, slices, bulk update with evaluate synchronisation, filter_by on a query of columns, delete, selectinload."""
from typing import List, Optional
from sqlalchemy import *
from sqlalchemy.orm import *

class Base(DeclarativeBase):
    pass

class Dept(Base):
    __tablename__ = "dept"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    emps: Mapped[List["Emp"]] = relationship(back_populates="dept")

class Emp(Base):
    __tablename__ = "emp"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    salary: Mapped[int]
    dept_id: Mapped[Optional[int]] = mapped_column(ForeignKey("dept.id"))
    dept: Mapped[Optional[Dept]] = relationship(back_populates="emps")
    def __repr__(self):
        return f"Emp({self.name!r})"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    eng, ops = Dept(name="eng"), Dept(name="ops")
    s.add_all([Emp(name="a", salary=100, dept=eng), Emp(name="b", salary=200, dept=eng), Emp(name="c", salary=150, dept=ops), Emp(name="d", salary=90)])
    s.commit()
    q = s.query(Emp).join(Emp.dept).filter(Dept.name == "eng").order_by(Emp.salary.desc())
    print(q.all(), q.count(), q.first(), q.limit(1).offset(1).all())
    print(s.query(Emp.name, Dept.name).outerjoin(Emp.dept).order_by(Emp.name).all())
    print(s.query(Dept.name, func.avg(Emp.salary).label("avg")).join(Dept.emps).group_by(Dept.name).having(func.avg(Emp.salary) > 120).all())
    print(s.query(Emp).filter(Emp.salary > s.query(func.avg(Emp.salary)).scalar_subquery()).order_by(Emp.id).all())
    sub = select(Emp.dept_id).where(Emp.salary > 120).scalar_subquery()
    print(s.scalars(select(Dept.name).where(Dept.id.in_(select(Emp.dept_id).where(Emp.salary > 120))).order_by(Dept.name)).all())
    print(s.query(Emp).filter(Emp.dept == None).all(), s.query(Emp).filter(Emp.dept != None).count())
    print(s.query(exists().where(Emp.salary > 180)).scalar(), s.query(Emp).filter(Emp.name.in_(["a", "z"])).one().salary)
    print(s.query(Emp).with_entities(Emp.name).order_by(Emp.name).distinct().limit(2).all())
    print(s.execute(select(Emp.name, func.rank().over(partition_by=Emp.dept_id, order_by=Emp.salary.desc()).label("r")).order_by(Emp.id)).all())
    print(s.execute(select(Emp.name, case((Emp.salary >= 150, "high"), (Emp.salary >= 100, "mid"), else_="low").label("band")).order_by(Emp.id)).all())
    print(s.query(Emp).get(2), s.query(Emp).filter_by(name="c").one_or_none(), s.query(Emp).filter_by(name="zz").one_or_none())
    try:
        s.query(Emp).one()
    except Exception as e:
        print(type(e).__name__, e)
    print(s.query(func.count(Emp.id)).scalar(), s.query(Emp.dept_id).distinct().count())
    print(s.query(Emp).order_by(Emp.id).slice(1, 3).all(), s.query(Emp)[0:2])
    s.query(Emp).filter(Emp.salary < 100).update({Emp.salary: Emp.salary + 10}, synchronize_session="evaluate")
    print(s.query(Emp.salary).filter_by(name="d").scalar())
    print(s.query(Emp).filter(Emp.name == "d").delete())
    print(s.query(Emp).count())
    print(s.query(Dept).options(selectinload(Dept.emps)).order_by(Dept.id).all()[0].emps)
