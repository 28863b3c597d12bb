# After commit every object is expired: the next attribute read reloads the
# row, and a relationship read after it loads again; expire_on_commit=False
# keeps the loaded values.
from sqlalchemy import create_engine, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, sessionmaker


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    kids: Mapped[list["Kid"]] = relationship(back_populates="parent")


class Kid(Base):
    __tablename__ = "kid"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
    parent: Mapped[Parent] = relationship(back_populates="kids")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    p = Parent(name="ada", kids=[Kid(), Kid()])
    session.add(p)
    session.commit()
    print(len(p.kids))
    print(p.name, len(p.kids))
    p.kids.append(Kid())
    session.commit()
    print(len(p.kids), p.kids[2].parent is p)

Keep = sessionmaker(engine, expire_on_commit=False)
with Keep() as session:
    p = session.get(Parent, 1)
    n = len(p.kids)
    p.name = "Ada"
    session.commit()
    print(p.name, n, len(p.kids))
