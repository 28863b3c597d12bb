# relationship()'s arguments: delete-orphan on the many-to-one side needs
# single_parent=True (SQLAlchemy's ArgumentError otherwise); an argument
# relationship() does not take is a TypeError.
from sqlalchemy import create_engine, ForeignKey, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, configure_mappers


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
    parent: Mapped[Parent] = relationship(cascade="all, delete-orphan")


try:
    configure_mappers()
except Exception as e:
    print(type(e).__name__, e)


class Base2(DeclarativeBase):
    pass


class Owner(Base2):
    __tablename__ = "owner"
    id: Mapped[int] = mapped_column(primary_key=True)


class Pet(Base2):
    __tablename__ = "pet"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owner.id"))
    owner: Mapped[Owner] = relationship(cascade="all, delete-orphan", single_parent=True, overlaps="pets")


engine = create_engine("sqlite://", echo=True)
Base2.metadata.create_all(engine)
with Session(engine) as session:
    pet = Pet(owner=Owner())
    session.add(pet)
    session.commit()
    session.delete(pet)
    session.commit()
    print(session.scalar(select(func.count()).select_from(Owner)), Pet.owner.property.single_parent)

try:
    relationship(Owner, bogus=3)
except TypeError as e:
    print("TypeError:", e)
