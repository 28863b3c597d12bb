"""The unified tutorial's ORM steps end to end: queries, joins, a subquery joined by
its proxied foreign key, deleting a detached object (attached first, its cascade
loads), bulk UPDATE/DELETE synchronised by evaluation (endswith)."""
from sqlalchemy import *
from sqlalchemy.orm import *
from typing import List, Optional
import datetime

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]]
    created: Mapped[datetime.datetime] = mapped_column(server_default=func.now())
    addresses: Mapped[List["Address"]] = relationship(back_populates="user", cascade="all, delete-orphan")
    def __repr__(self):
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"

class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped["User"] = relationship(back_populates="addresses")
    def __repr__(self):
        return f"Address(id={self.id!r}, email_address={self.email_address!r})"

engine = create_engine("sqlite://", echo=False)
Base.metadata.create_all(engine)
with Session(engine) as session:
    spongebob = User(name="spongebob", fullname="Spongebob Squarepants", addresses=[Address(email_address="spongebob@sqlalchemy.org")])
    sandy = User(name="sandy", fullname="Sandy Cheeks", addresses=[Address(email_address="sandy@sqlalchemy.org"), Address(email_address="sandy@squirrelpower.org")])
    patrick = User(name="patrick", fullname="Patrick Star")
    session.add_all([spongebob, sandy, patrick])
    session.commit()

session = Session(engine)
stmt = select(User).where(User.name.in_(["spongebob", "sandy"]))
for user in session.scalars(stmt):
    print(user)
stmt = select(Address).join(Address.user).where(User.name == "sandy").where(Address.email_address == "sandy@sqlalchemy.org")
sandy_address = session.scalars(stmt).one()
print(sandy_address)
stmt = select(User).where(User.id == 2)
sandy = session.scalars(stmt).one()
sandy.addresses.append(Address(email_address="sandy_cheeks@sqlalchemy.org"))
sandy_address.email_address = "sandy_cheeks@sqlalchemy.org"
session.commit()
sandy = session.get(User, 2)
sandy.addresses.remove(sandy_address)
session.flush()
session.delete(patrick)
session.commit()
print(session.execute(select(User.name, func.count(Address.id).label("n")).outerjoin(User.addresses).group_by(User.name).order_by(User.name)).all())
row_number = func.row_number().over(partition_by=Address.user_id, order_by=Address.email_address.desc()).label("rn")
print(session.execute(select(Address.email_address, row_number).order_by(Address.id)).all())
subq = select(Address.user_id, func.count(Address.id).label("address_count")).group_by(Address.user_id).subquery()
print(session.execute(select(User.name, subq.c.address_count).join_from(User, subq).order_by(User.id)).all())
u = aliased(User)
print(session.execute(select(u.name).where(u.id > 1)).scalars().all())
print(session.scalar(select(func.max(User.id))))
print(session.execute(select(User).filter_by(name="sandy")).scalar_one().fullname)
print(session.query(User).filter(User.name.like("s%")).order_by(User.name.desc()).all())
print(session.query(User.name).filter(User.addresses.any(Address.email_address.contains("cheeks"))).all())
print(session.execute(select(case((User.name == "sandy", "S"), else_="other")).order_by(User.id)).scalars().all())
print(session.execute(update(User).where(User.name == "sandy").values(fullname="Sandy Squirrel").returning(User.id, User.fullname)).all())
print(sandy.fullname)
print(session.execute(delete(Address).where(Address.email_address.endswith("squirrelpower.org"))).rowcount)
print([a.email_address for a in sandy.addresses])
session.close()
