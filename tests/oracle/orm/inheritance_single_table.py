from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, with_polymorphic


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
    manager_name: Mapped[str] = mapped_column(nullable=True)
    __mapper_args__ = {"polymorphic_identity": "manager"}


class Engineer(Employee):
    engineer_info: Mapped[str] = mapped_column(nullable=True)
    __mapper_args__ = {"polymorphic_identity": "engineer"}


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([
        Manager(name="Mr. Krabs", manager_name="Eugene H. Krabs"),
        Engineer(name="SpongeBob", engineer_info="Krabby Patty Master"),
        Engineer(name="Squidward", engineer_info="Senior Customer Engagement Engineer"),
    ])
    session.commit()
    for obj in session.scalars(select(Employee).order_by(Employee.id)):
        print(obj, obj.type)
    print(session.scalars(select(Engineer).order_by(Engineer.id)).all())
    session.close()
    mr_krabs = session.scalars(select(Employee).where(Employee.name == "Mr. Krabs")).one()
    print(mr_krabs.manager_name)
    session.close()
    employees = with_polymorphic(Employee, "*")
    objects = session.scalars(select(employees).order_by(employees.id)).all()
    print(objects, objects[0].manager_name, objects[2].engineer_info)
    print(select(Manager))
    objects[1].engineer_info = "Fry cook"
    session.delete(objects[0])
    session.commit()
    print(session.scalars(select(Employee.name, Employee.type)).all())
