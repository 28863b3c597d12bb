# A tree (adjacency list): parent and children on one table, children
# loaded level by level, a subtree deleted by cascade, depth by walking up.
from sqlalchemy import create_engine, ForeignKey, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Node(Base):
    __tablename__ = "node"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("node.id"))
    parent: Mapped["Node | None"] = relationship(back_populates="children", remote_side=[id])
    children: Mapped[list["Node"]] = relationship(back_populates="parent", cascade="all, delete-orphan", order_by="Node.name")

    def depth(self):
        return 0 if self.parent is None else 1 + self.parent.depth()


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    root = Node(name="root", children=[Node(name="b", children=[Node(name="b1"), Node(name="b2")]), Node(name="a")])
    session.add(root)
    session.commit()

with Session(engine) as session:
    root = session.scalars(select(Node).where(Node.parent_id.is_(None))).one()
    for child in root.children:
        print(child.name, [g.name for g in child.children])
    b2 = session.scalars(select(Node).where(Node.name == "b2")).one()
    print(b2.depth(), b2.parent.parent is root)
    session.delete(root.children[1])
    session.commit()
    print(session.scalars(select(Node.name).order_by(Node.name)).all())
