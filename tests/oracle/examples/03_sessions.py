# Sessions: object states, the identity map, flush and expiry.
# Look at: Results (each state), SQL log (when the session really talks to the database: flush, commit, and the reload after expiry).
from sqlalchemy import create_engine, String, select, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Pet(Base):
    __tablename__ = "pet"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


def state(obj):
    i = inspect(obj)
    return [s for s in ("transient", "pending", "persistent", "deleted", "detached") if getattr(i, s)]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

session = Session(engine)
rex = Pet(name="Rex")
print("new object:", state(rex))
session.add(rex)
print("after add:", state(rex), rex in session.new)
session.flush()
print("after flush:", state(rex), rex.id)
same = session.get(Pet, rex.id)
print("identity map returns the same object:", same is rex)
session.commit()
print("expired after commit:", "name" in inspect(rex).expired_attributes)
print("reloaded:", rex.name)
rex.name = "Rexy"
print("modified:", rex in session.dirty, inspect(rex).attrs.name.history.added)
session.rollback()
print("after rollback:", rex.name)
session.delete(rex)
session.flush()
print("after delete+flush:", state(rex))
session.commit()
print("after commit:", state(rex))
session.close()
other = Pet(name="Tom")
session2 = Session(engine)
session2.add(other)
session2.commit()
session2.close()
print("after close:", state(other))
