# A persistent child appended to a collection and removed again before the
# flush, its parent never loaded: SQLAlchemy still sets its key NULL. And
# rows of nothing but a key in an insertmanyvalues batch: (id) VALUES (NULL).
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[List["Child"]] = relationship(back_populates="parent")

class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("parent.id"))
    parent: Mapped[Optional[Parent]] = relationship(back_populates="children")

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    p1, p2 = Parent(), Parent()
    c = Child()
    s.add_all([p1, p2, c])
    s.commit()
    p1.children.append(c)
    p1.children.remove(c)
    s.flush()
    print(c.parent_id, c.parent)
    p2.children.append(c)
    s.commit()
    print(c.parent_id)
