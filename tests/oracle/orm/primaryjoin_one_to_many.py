"""primaryjoin= on one-to-many and many-to-one relationships: the docs'
"boston_addresses" (extra criteria, as text), foreign() and remote()
annotations, a condition written foreign key first, and a relationship
with no ForeignKey at all."""
from typing import List, Optional

from sqlalchemy import Integer, String, and_, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, foreign, joinedload, mapped_column, relationship, remote


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    boston_addresses: Mapped[List["Address"]] = relationship(
        primaryjoin="and_(User.id == foreign(Address.user_id), Address.city == 'Boston')", viewonly=True
    )
    addresses: Mapped[List["Address"]] = relationship(
        primaryjoin=lambda: foreign(Address.user_id) == User.id, back_populates="user", order_by="Address.id"
    )

    def __repr__(self):
        return f"User({self.name!r})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[Optional[int]] = mapped_column(Integer)  # no ForeignKey: the relationship says which side is foreign
    city: Mapped[str] = mapped_column(String(30))
    user: Mapped[Optional[User]] = relationship(primaryjoin="foreign(Address.user_id) == User.id", back_populates="addresses")

    def __repr__(self):
        return f"Address({self.city!r})"


class Node(Base):
    __tablename__ = "node"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[Optional[int]] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(10))
    parent: Mapped[Optional["Node"]] = relationship(primaryjoin=lambda: remote(Node.id) == foreign(Node.parent_id), back_populates="children")
    children: Mapped[List["Node"]] = relationship(primaryjoin=lambda: Node.id == foreign(Node.parent_id), back_populates="parent")

    def __repr__(self):
        return f"Node({self.name!r})"


print(User.boston_addresses.property.direction, Address.user.property.direction, Node.parent.property.direction, Node.children.property.direction)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    ada = User(name="ada", addresses=[Address(city="Boston"), Address(city="Paris"), Address(city="Boston")])
    bob = User(name="bob")
    bob.addresses.append(Address(city="Rome"))
    session.add_all([ada, bob])
    session.commit()
    # (a self-referential mapper flushed with others: CPython's order varies)
    session.add(Node(name="root", children=[Node(name="a"), Node(name="b")]))
    session.commit()

    print(ada.boston_addresses)
    print(ada.addresses, bob.addresses)
    a = session.get(Address, 4)
    print(a.user, a.user_id)
    print(session.scalars(select(User).join(User.boston_addresses).distinct()).all())
    print(session.scalars(select(Address).join(Address.user).where(User.name == "bob")).all())
    print(session.scalars(select(User).where(User.boston_addresses.any())).all())
    print(session.scalars(select(User).where(User.addresses.any(Address.city == "Rome"))).all())
    print(session.scalars(select(Address).where(Address.user.has(User.name == "ada"))).all())

    leaf = session.scalars(select(Node).where(Node.name == "b")).one()
    print(leaf.parent, leaf.parent.children)
    session.expunge_all()

    users = session.scalars(select(User).options(joinedload(User.boston_addresses)).order_by(User.id)).unique().all()
    print([(u, u.boston_addresses) for u in users])
    rome = session.get(Address, 4)
    rome.user = session.get(User, 1)
    session.flush()
    print(session.get(User, 1).addresses)
