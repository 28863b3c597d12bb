# A WriteOnlyMapped collection's insert(), update() and delete(): DML of
# its rows (the foreign key preset, the lazy clause as criteria); assigning
# a whole collection to a detached parent fails
from decimal import Decimal
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, WriteOnlyMapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    identifier: Mapped[str]
    txs: WriteOnlyMapped["Tx"] = relationship(order_by="Tx.id")


class Tx(Base):
    __tablename__ = "tx"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    amount: Mapped[Decimal]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
acct = Account(identifier="a1")
with Session(engine) as s:
    s.add(acct)
    s.commit()
try:
    acct.txs = [Tx(amount=Decimal("1"))]
except InvalidRequestError as e:
    print("InvalidRequestError:", e)
with Session(engine) as s:
    a = s.get(Account, 1)
    s.execute(a.txs.insert(), [{"amount": Decimal("10")}, {"amount": Decimal("-5")}, {"amount": Decimal("7")}])
    s.execute(a.txs.update().values(amount=Tx.amount + 100).where(Tx.amount < 0))
    s.execute(a.txs.delete().where(Tx.amount == 7))
    print(s.scalars(a.txs.select()).all() and [t.amount for t in s.scalars(a.txs.select())])
    s.commit()
