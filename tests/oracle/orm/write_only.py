# WriteOnlyMapped / lazy="write_only": a collection never loaded whole;
# add(), add_all() and remove() queue changes for the flush, select() is
# the statement of its rows.
from typing import Optional
from sqlalchemy import create_engine, ForeignKey, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, WriteOnlyMapped


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    identifier: Mapped[str] = mapped_column(String(20))
    transactions: WriteOnlyMapped["Transaction"] = relationship(back_populates="account")


class Transaction(Base):
    __tablename__ = "account_transaction"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[Optional[int]] = mapped_column(ForeignKey("account.id"))
    description: Mapped[str]
    amount: Mapped[int]
    account: Mapped[Optional[Account]] = relationship(back_populates="transactions")

    def __repr__(self):
        return f"Transaction({self.description!r}, {self.amount})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    acc = Account(identifier="account_01", transactions=[Transaction(description="initial", amount=100)])
    session.add(acc)
    session.commit()
    print(type(acc.transactions).__name__)
    acc.transactions.add_all([Transaction(description="coffee", amount=-3), Transaction(description="rent", amount=-50)])
    acc.transactions.add(Transaction(description="salary", amount=200))
    session.commit()
    print(session.scalars(acc.transactions.select().order_by(Transaction.id)).all())
    print(session.scalar(select(func.sum(Transaction.amount)).where(Transaction.account_id == acc.id)))
    coffee = session.scalars(acc.transactions.select().where(Transaction.description == "coffee")).one()
    acc.transactions.remove(coffee)
    session.flush()
    print(coffee.account_id, session.scalars(acc.transactions.select().with_only_columns(func.count())).one())
    print(session.execute(acc.transactions.select().order_by(Transaction.amount.desc()).limit(2)).scalars().all())
    try:
        print(list(acc.transactions))
    except TypeError as e:
        print("TypeError:", e)
    try:
        acc.transactions = []
    except Exception as e:
        print(type(e).__name__, e)
