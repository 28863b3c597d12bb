# An object's life: transient, pending, persistent, deleted, detached, and
# back (a rollback of a delete makes it persistent again).
from sqlalchemy import create_engine, String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Pet(Base):
    __tablename__ = "pet"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))


def state(obj):
    i = inspect(obj)
    return [n for n in ("transient", "pending", "persistent", "deleted", "detached") if getattr(i, n)][0]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
rex = Pet(name="rex")
print(state(rex))
session.add(rex)
print(state(rex))
session.commit()
print(state(rex))
session.delete(rex)
print(state(rex), rex in session.deleted)
session.flush()
print(state(rex))
session.rollback()
print(state(rex), rex.name)
session.delete(rex)
session.commit()
print(state(rex))
session.close()
