from typing import List
from sqlalchemy import ForeignKey, create_engine, or_, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Company(Base):
    __tablename__ = "company"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    employees: Mapped[List["Employee"]] = relationship()



class Employee(Base):
    __tablename__ = "employee"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    type: Mapped[str]
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id"), nullable=True)

    def __repr__(self):
        return f"{self.__class__.__name__}({self.name!r})"

    __mapper_args__ = {"polymorphic_identity": "employee", "polymorphic_on": "type"}


class Manager(Employee):
    __tablename__ = "manager"
    id: Mapped[int] = mapped_column(ForeignKey("employee.id"), primary_key=True)
    manager_name: Mapped[str]
    paperwork: Mapped[List["Paperwork"]] = relationship()
    __mapper_args__ = {"polymorphic_identity": "manager"}


class Paperwork(Base):
    __tablename__ = "paperwork"
    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("manager.id"))
    document_name: Mapped[str]

    def __repr__(self):
        return f"Paperwork({self.document_name!r})"


class Engineer(Employee):
    __tablename__ = "engineer"
    id: Mapped[int] = mapped_column(ForeignKey("employee.id"), primary_key=True)
    engineer_info: Mapped[str]
    __mapper_args__ = {"polymorphic_identity": "engineer"}


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Company(name="Krusty Krab", employees=[
        Manager(name="Mr. Krabs", manager_name="Eugene H. Krabs"),
        Engineer(name="SpongeBob", engineer_info="Krabby Patty Master"),
        Engineer(name="Squidward", engineer_info="Senior Customer Engagement Engineer"),
    ]))
    session.commit()
    # of_type() of a joined-table subclass: an inner JOIN of its tables
    stmt = (
        select(Company.name, Engineer.name)
        .join(Company.employees.of_type(Engineer))
        .where(or_(Engineer.name == "SpongeBob", Engineer.engineer_info == "Senior Customer Engagement Engineer"))
    )
    print(stmt)
    for company_name, emp_name in session.execute(stmt):
        print(f"{company_name} {emp_name}")
    stmt = select(Company.name, Manager.manager_name).outerjoin(Company.employees.of_type(Manager)).order_by(Company.id)
    print(session.execute(stmt).all())
