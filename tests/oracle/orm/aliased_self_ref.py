# A self-referential relationship (employees and their managers) queried with
# aliased(): the same table twice, joined along the relationship.
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, aliased


class Base(DeclarativeBase):
    pass


class Employee(Base):
    __tablename__ = "employee"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id"))
    manager: Mapped["Employee | None"] = relationship(back_populates="reports", remote_side=[id])
    reports: Mapped[list["Employee"]] = relationship(back_populates="manager")

    def __repr__(self):
        return f"Employee({self.name!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    boss = Employee(name="grace")
    lead = Employee(name="ada", manager=boss)
    session.add_all([boss, lead, Employee(name="bob", manager=lead), Employee(name="cy", manager=lead)])
    session.commit()

    mgr = aliased(Employee, name="mgr")
    rows = session.execute(
        select(Employee.name, mgr.name).join(mgr, Employee.manager).order_by(Employee.id)
    ).all()
    print(rows)
    stmt = select(Employee).join(Employee.manager.of_type(mgr)).where(mgr.name == "ada").order_by(Employee.name)
    print(stmt)
    print(session.scalars(stmt).all())
    rep = aliased(Employee)
    stmt = select(Employee.name, rep.name).outerjoin(Employee.reports.of_type(rep)).order_by(Employee.id, rep.id)
    print(session.execute(stmt).all())
