# Moving children: a child reassigned to another parent, a parent set to None.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Shelf(Base):
    __tablename__ = "shelf"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(10))
    jars: Mapped[List["Jar"]] = relationship(back_populates="shelf")


class Jar(Base):
    __tablename__ = "jar"
    id: Mapped[int] = mapped_column(primary_key=True)
    content: Mapped[str] = mapped_column(String(10))
    shelf_id: Mapped[Optional[int]] = mapped_column(ForeignKey("shelf.id"))
    shelf: Mapped[Optional[Shelf]] = relationship(back_populates="jars")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    top, low = Shelf(label="top"), Shelf(label="low")
    jam, honey, salt = Jar(content="jam"), Jar(content="honey"), Jar(content="salt")
    top.jars = [jam, honey]
    low.jars.append(salt)
    s.add_all([top, low])
    s.commit()
    jam.shelf = low
    print([j.content for j in top.jars], [j.content for j in low.jars])
    s.commit()
    honey.shelf = None
    low.jars.remove(salt)
    s.commit()
    print(s.execute(select(Jar.content, Jar.shelf_id).order_by(Jar.id)).all())
    top.jars.append(salt)
    s.commit()
    print(s.execute(select(Jar.content, Jar.shelf_id).order_by(Jar.id)).all())
