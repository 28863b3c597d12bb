# Detached objects: used after close, re-added to a new session, changes flushed there.
from sqlalchemy import create_engine, String, select, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Lamp(Base):
    __tablename__ = "lamp"
    id: Mapped[int] = mapped_column(primary_key=True)
    watts: Mapped[int]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Lamp(watts=40))
    s.commit()
    lamp = s.get(Lamp, 1)
print(inspect(lamp).detached, lamp.watts)
lamp.watts = 60
with Session(engine) as s:
    s.add(lamp)
    print(inspect(lamp).persistent, s.is_modified(lamp), lamp in s.dirty)
    s.commit()
    print(s.scalars(select(Lamp.watts)).one())
