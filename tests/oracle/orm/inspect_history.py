# inspect(obj): the object's state flags, identity, and each attribute's
# history (added / unchanged / deleted) as it is set, flushed and committed.
from sqlalchemy import create_engine, String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class City(Base):
    __tablename__ = "city"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    people: Mapped[int] = mapped_column(default=0)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

c = City(name="Oslo")
i = inspect(c)
print(i.transient, i.pending, i.persistent, i.detached, i.identity, i.attrs.name.history)
with Session(engine) as session:
    session.add(c)
    print(i.pending, i.attrs.name.history, i.attrs.name.value)
    session.flush()
    print(i.persistent, i.identity, i.attrs.name.history)
    c.name = "Bergen"
    print(i.attrs.name.history, session.is_modified(c), i.modified)
    session.commit()
    print(i.attrs.name.history, "name" in i.unloaded, sorted(i.unloaded))
    print(c.name, i.attrs.name.loaded_value)
print(i.detached, i.identity, i.session)
