# An adjacency list: a self-referential one-to-many with remote_side.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Node(Base):
    __tablename__ = "node"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(10))
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("node.id"))
    parent: Mapped[Optional["Node"]] = relationship(back_populates="children", remote_side=[id])
    children: Mapped[List["Node"]] = relationship(back_populates="parent")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    root = Node(name="root")
    a = Node(name="a", parent=root)
    Node(name="b", parent=root)
    Node(name="a1", parent=a)
    s.add(root)
    s.commit()
    print(s.execute(select(Node.name, Node.parent_id).order_by(Node.id)).all())
    r = s.scalars(select(Node).where(Node.parent_id.is_(None))).one()
    print([c.name for c in r.children], [c.name for c in r.children[0].children], r.children[0].children[0].parent.name)
