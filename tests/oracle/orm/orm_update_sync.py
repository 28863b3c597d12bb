# ORM UPDATE/DELETE statements and the objects already loaded.
from sqlalchemy import create_engine, String, select, update, delete
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Emp(Base):
    __tablename__ = "emp"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    salary: Mapped[int]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Emp(name="a", salary=10), Emp(name="b", salary=20)])
    s.commit()
    a = s.get(Emp, 1)
    s.execute(update(Emp).where(Emp.name == "a").values(salary=15))
    print(a.salary)
    s.execute(delete(Emp).where(Emp.name == "b"))
    print(s.scalars(select(Emp.name)).all())
    s.commit()
