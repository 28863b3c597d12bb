# Expiry: expire(), refresh(), expire_all(), expire_on_commit=False.
from sqlalchemy import create_engine, String, update, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Acct(Base):
    __tablename__ = "acct"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(20))
    balance: Mapped[int]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine, expire_on_commit=False) as s:
    a = Acct(owner="ann", balance=10)
    s.add(a)
    s.commit()
    print(a.balance)
    s.execute(update(Acct.__table__).where(Acct.__table__.c.id == 1).values(balance=50))
    print(a.balance)
    s.expire(a)
    print(a.balance)
    s.execute(update(Acct.__table__).values(balance=70))
    s.refresh(a)
    print(a.balance, a.owner)
    s.expire(a, ["owner"])
    print(a.owner)
    s.expire_all()
    print(a.owner, a.balance)
    s.commit()
with Session(engine) as s:
    a = s.get(Acct, 1)
    a.balance += 5
    s.commit()
    print(a.balance)
