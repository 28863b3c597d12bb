# expunge_all(), close() and re-adding detached objects.
from sqlalchemy import create_engine, String, select, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Box(Base):
    __tablename__ = "box"
    id: Mapped[int] = mapped_column(primary_key=True)
    color: Mapped[str] = mapped_column(String(10))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
s = Session(engine, expire_on_commit=False)
b = Box(color="red")
s.add(b)
s.commit()
s.expunge_all()
print(inspect(b).detached, len(s.identity_map))
s2 = Session(engine)
s2.add(b)
print(inspect(b).persistent, b in s2)
b.color = "blue"
s2.commit()
print(s2.scalars(select(Box.color)).all())
s2.close()
s.close()
