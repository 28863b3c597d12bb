from typing import List
from sqlalchemy import ForeignKey, create_engine, or_, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectin_polymorphic, selectinload, with_polymorphic


class Base(DeclarativeBase):
    pass


class Employee(Base):
    __tablename__ = "employee"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    type: Mapped[str]

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
    session.add_all([
        Manager(name="Mr. Krabs", manager_name="Eugene H. Krabs", paperwork=[Paperwork(document_name="Secret Recipes")]),
        Engineer(name="SpongeBob", engineer_info="Krabby Patty Master"),
        Engineer(name="Squidward", engineer_info="Senior Customer Engagement Engineer"),
    ])
    session.commit()
    stmt = select(Employee).order_by(Employee.id).options(
        selectin_polymorphic(Employee, [Manager, Engineer]), selectinload(Manager.paperwork)
    )
    objects = session.scalars(stmt).all()
    print(objects, objects[0].manager_name, objects[0].paperwork, objects[1].engineer_info)
    session.close()
    poly = with_polymorphic(Employee, [Engineer, Manager])
    stmt = select(poly).where(
        or_(poly.Manager.manager_name == "Eugene H. Krabs", poly.Engineer.engineer_info == "Krabby Patty Master")
    ).order_by(poly.id)
    print(stmt)
    objects = session.scalars(stmt).all()
    print(objects, objects[0].manager_name, objects[1].engineer_info)
