# expire() and refresh() of chosen attributes: only those are loaded again,
# and a change made behind the session's back shows after a refresh.
from sqlalchemy import create_engine, String, update, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(20))
    balance: Mapped[int]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    acct = Account(owner="ada", balance=100)
    session.add(acct)
    session.commit()
    print(acct.balance)
    with engine.begin() as conn:
        conn.execute(update(Account.__table__).values(balance=150, owner="Ada"))
    print(acct.balance, acct.owner)
    session.refresh(acct, ["balance"])
    print(acct.balance, acct.owner)
    session.expire(acct, ["owner"])
    print(sorted(inspect(acct).unloaded))
    print(acct.owner)
    session.expire_all()
    print(acct.owner, acct.balance)
