from typing import List
from sqlalchemy import ForeignKey, create_engine, or_, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, defaultload, mapped_column, relationship, selectin_polymorphic, selectinload


class Base(DeclarativeBase):
    pass


class Company(Base):
    __tablename__ = "company"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    employees: Mapped[List["Employee"]] = relationship()
    books: Mapped[List["Book"]] = relationship(back_populates="owner")


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


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("company.id"))
    title: Mapped[str]
    summary: Mapped[str] = mapped_column(deferred=True)
    cover: Mapped[str]
    owner: Mapped["Company"] = relationship(back_populates="books")

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Company(name="Krusty Krab", employees=[
        Manager(name="Mr. Krabs", manager_name="Eugene H. Krabs", paperwork=[Paperwork(document_name="Secret Recipes")]),
        Engineer(name="SpongeBob", engineer_info="Krabby Patty Master"),
        Engineer(name="Squidward", engineer_info="Senior Customer Engagement Engineer"),
    ], books=[Book(title="A", summary="sa", cover="ca"), Book(title="B", summary="sb", cover="cb")]))
    session.add(Company(name="Chum Bucket", books=[Book(title="C", summary="sc", cover="cc")]))
    session.commit()

    # selectin_polymorphic() chained on the relationship's loader
    stmt = select(Company).options(selectinload(Company.employees).selectin_polymorphic([Manager, Engineer]))
    for company in session.scalars(stmt):
        print(company.name, company.employees)
    # ... again: the subclass SELECTs run for objects loaded before too
    objects = session.scalars(stmt).all()
    print(objects[0].employees[0].manager_name)
    session.close()

    # Load.options(): sibling options for the objects the relationship reaches
    stmt = select(Company).options(
        selectinload(Company.employees).options(
            selectin_polymorphic(Employee, [Manager, Engineer]),
            selectinload(Manager.paperwork),
        )
    )
    for company in session.scalars(stmt):
        for e in company.employees:
            if isinstance(e, Manager):
                print(e.name, e.paperwork)
    session.close()

    # load_only(), defer(), undefer() on a selectin load, a lazy load and a many-to-one
    stmt = select(Company).order_by(Company.id).options(selectinload(Company.books).load_only(Book.title))
    for company in session.scalars(stmt):
        print(company.name, [b.title for b in company.books])
    print(session.scalars(select(Book).where(Book.id == 1)).one().cover)
    session.close()
    stmt = select(Company).order_by(Company.id).options(defaultload(Company.books).load_only(Book.title, raiseload=True))
    for company in session.scalars(stmt):
        print(company.name, [b.title for b in company.books])
    try:
        company.books[0].cover
    except Exception as e:
        print(type(e).__name__, e)
    session.close()
    stmt = select(Company).order_by(Company.id).options(selectinload(Company.books).defer(Book.cover).undefer(Book.summary))
    books = [b for c in session.scalars(stmt) for b in c.books]
    print([(b.title, b.summary) for b in books])
    print(books[0].cover)
    session.close()
    books = session.scalars(select(Book).order_by(Book.id).options(selectinload(Book.owner).load_only(Company.name))).all()
    print([b.owner.name for b in books])
    session.close()
    # sub-options of a path's middle step, and of a defaultload() over lazy loads
    stmt = select(Book).options(defaultload(Book.owner).selectinload(Company.employees).options(
        selectin_polymorphic(Employee, [Manager]), selectinload(Manager.paperwork)))
    book = session.scalars(stmt.where(Book.id == 1)).one()
    print(book.owner.employees, book.owner.employees[0].paperwork)
    try:
        select(Company).options(selectinload(Company.employees).options(selectinload(Manager.paperwork)))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        select(Company).options(selectinload(Company.employees).options(selectinload(Book.owner)))
    except Exception as e:
        print(type(e).__name__, e)
