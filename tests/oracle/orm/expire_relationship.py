# Expiring and refreshing relationships: the collection reloads on next access.
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Box(Base):
    __tablename__ = "box"
    id: Mapped[int] = mapped_column(primary_key=True)
    items: Mapped[List["Thing"]] = relationship(order_by="Thing.id")


class Thing(Base):
    __tablename__ = "thing"
    id: Mapped[int] = mapped_column(primary_key=True)
    box_id: Mapped[int] = mapped_column(ForeignKey("box.id"))
    name: Mapped[str] = mapped_column(String(10))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine, expire_on_commit=False) as s:
    b = Box(items=[Thing(name="a")])
    s.add(b)
    s.commit()
    s.execute(insert(Thing).values(box_id=1, name="b"))
    print([t.name for t in b.items])
    s.expire(b, ["items"])
    print([t.name for t in b.items])
    s.execute(insert(Thing).values(box_id=1, name="c"))
    s.refresh(b)
    print([t.name for t in b.items])
