# One-to-many from both sides: appending to the parent's list and setting
# the child's many-to-one give the same rows; moving a child to another
# parent; the children in the parent's order_by.
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Department(Base):
    __tablename__ = "department"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    staff: Mapped[list["Employee"]] = relationship(back_populates="department", order_by="Employee.name")


class Employee(Base):
    __tablename__ = "employee"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    department: Mapped[Department | None] = relationship(back_populates="staff")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    eng, ops = Department(name="eng"), Department(name="ops")
    eng.staff.append(Employee(name="zoe"))
    Employee(name="amy", department=eng)
    session.add_all([eng, ops])
    print([e.name for e in eng.staff])
    session.commit()
    print([e.name for e in eng.staff])
    zoe = eng.staff[1]
    zoe.department = ops
    print([e.name for e in eng.staff], [e.name for e in ops.staff])
    session.commit()
    print(session.execute(select(Employee.name, Department.name).join(Employee.department).order_by(Employee.name)).all())
