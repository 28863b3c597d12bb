# More of the legacy Query: join with filter_by, with_entities, distinct, group_by.
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Dept(Base):
    __tablename__ = "dept"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    staff: Mapped[List["Emp"]] = relationship(back_populates="dept")


class Emp(Base):
    __tablename__ = "emp"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    dept_id: Mapped[int] = mapped_column(ForeignKey("dept.id"))
    dept: Mapped[Dept] = relationship(back_populates="staff")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Dept(name="ops", staff=[Emp(name="a"), Emp(name="b")]), Dept(name="dev", staff=[Emp(name="c")])])
    s.commit()
    print([e.name for e in s.query(Emp).join(Emp.dept).filter_by(name="ops").order_by(Emp.name)])
    print(s.query(Emp).with_entities(Emp.name).order_by(Emp.name.desc()).all())
    print(s.query(Dept.name, func.count(Emp.id)).join(Dept.staff).group_by(Dept.name).order_by(Dept.name).all())
    print(s.query(Emp.dept_id).distinct().order_by(Emp.dept_id).all())
    print(s.query(Emp).filter(Emp.name.in_(["a", "c"])).count())
    print(s.query(Emp).order_by(Emp.id).first().dept.name)
