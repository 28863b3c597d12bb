# Queries through relationships: has() with criteria, any() with keyword
# filters, contains() on a many-to-many, != None on a many-to-one, and
# with a join along the relationship.
from sqlalchemy import create_engine, ForeignKey, String, Table, Column, select, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


membership = Table("membership", Base.metadata, Column("user_id", ForeignKey("users.id"), primary_key=True),
                   Column("group_id", ForeignKey("groups.id"), primary_key=True))


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    manager: Mapped["User | None"] = relationship(remote_side=[id])
    groups: Mapped[list["Group"]] = relationship(secondary=membership)


class Group(Base):
    __tablename__ = "groups"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    boss = User(name="grace")
    session.add_all([boss, User(name="ada", manager=boss), User(name="bob", manager=boss)])
    # (a self-referential mapper flushes object by object; the groups in a flush of their own)
    session.flush()
    session.add_all([Group(title="admins"), Group(title="devs")])
    session.flush()
    session.execute(insert(membership), [{"user_id": 2, "group_id": 1}, {"user_id": 2, "group_id": 2}, {"user_id": 3, "group_id": 2}])
    session.commit()
    admins = session.get(Group, 1)
    print(session.scalars(select(User.name).where(User.manager.has(User.name == "grace")).order_by(User.name)).all())
    print(session.scalars(select(User.name).where(User.groups.any(title="devs")).order_by(User.name)).all())
    print(session.scalars(select(User.name).where(User.groups.contains(admins))).all())
    print(session.scalars(select(User.name).where(User.manager != None)).all())
    print(session.scalars(select(User.name).where(User.manager == None)).all())
    print(session.scalars(select(Group.title).join(User.groups).where(User.name == "bob")).all())
