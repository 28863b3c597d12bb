# Rollback: pending objects are expunged, changes are expired, deletes undone.
from sqlalchemy import create_engine, String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Pet(Base):
    __tablename__ = "pet"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine)
rex = Pet(name="rex")
s.add(rex)
s.commit()
tom = Pet(name="tom")
s.add(tom)
s.flush()
rex.name = "REX"
s.flush()
s.delete(rex)
s.flush()
print(inspect(rex).deleted, inspect(tom).persistent, tom.id)
s.rollback()
print(inspect(rex).persistent, rex.name, inspect(tom).transient, tom in s)
s.add(Pet(name="kit"))
s.rollback()
print(len(s.new), s.get(Pet, 2))
s.close()
