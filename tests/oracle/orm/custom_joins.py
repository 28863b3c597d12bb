# Relationships whose join is spelled out: foreign_keys= choosing between two
# foreign keys to the same table, and a self-referential many-to-many with
# primaryjoin/secondaryjoin (the "followers" of the Flask tutorial).
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select, Table, Column, Integer, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


followers = Table(
    "followers", Base.metadata,
    Column("follower_id", Integer, ForeignKey("user.id"), primary_key=True),
    Column("followed_id", Integer, ForeignKey("user.id"), primary_key=True),
)


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    billing_address_id: Mapped[Optional[int]] = mapped_column(ForeignKey("address.id"))
    shipping_address_id: Mapped[Optional[int]] = mapped_column(ForeignKey("address.id"))
    billing_address: Mapped[Optional["Address"]] = relationship(foreign_keys=[billing_address_id])
    shipping_address: Mapped[Optional["Address"]] = relationship(foreign_keys="User.shipping_address_id")
    followed: Mapped[List["User"]] = relationship(
        secondary=followers,
        primaryjoin=followers.c.follower_id == id,
        secondaryjoin=followers.c.followed_id == id,
        back_populates="followers",
    )
    followers: Mapped[List["User"]] = relationship(
        secondary=followers,
        primaryjoin=followers.c.followed_id == id,
        secondaryjoin=followers.c.follower_id == id,
        back_populates="followed",
    )

    def __repr__(self):
        return f"User({self.name!r})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    street: Mapped[str]

    def __repr__(self):
        return f"Address({self.street!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    ada, bob, cy = User(name="ada"), User(name="bob"), User(name="cy")
    ada.billing_address = Address(street="1 Main St")
    ada.shipping_address = Address(street="2 Side St")
    bob.shipping_address = ada.billing_address
    ada.followed.append(bob)
    ada.followed.append(cy)
    cy.followed.append(ada)
    print(bob.followers, ada.followers)
    session.add_all([ada, bob, cy])
    session.commit()
    print(ada.billing_address, ada.shipping_address, bob.billing_address, bob.shipping_address)
    print(ada.followed, ada.followers, bob.followers)
    ada.followed.remove(bob)
    session.commit()
    print(session.scalar(select(func.count()).select_from(followers)))
    print(session.scalars(select(User.name).join(User.billing_address).where(Address.street.like("1%"))).all())
