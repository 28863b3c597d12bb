# ORM-enabled update()/delete() in the 2.0 style, with the synchronize_session
# option on the statement: SET values computed from the row (evaluated in
# Python on the loaded objects), 'fetch' by RETURNING, criteria Python cannot
# evaluate ('auto' falls back to 'fetch').
from sqlalchemy import create_engine, String, select, update, delete, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(30))
    balance: Mapped[int]

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Account(owner=o, balance=b) for o, b in [("ada", 10), ("bob", 20), ("cy", 30)]])
    session.commit()
    accounts = session.scalars(select(Account).order_by(Account.id)).all()

    r = session.execute(update(Account).where(Account.balance >= 20).values(balance=Account.balance + 5))
    print(r.rowcount, accounts)
    r = session.execute(
        update(Account).where(Account.owner == "ada").values(balance=Account.balance * 2, owner="ADA")
        .execution_options(synchronize_session="fetch"))
    print(r.rowcount, accounts)
    r = session.execute(update(Account).where(func.length(Account.owner) == 2).values(balance=0))
    print(r.rowcount, accounts)
    r = session.execute(delete(Account).where(func.lower(Account.owner) == "ada"))
    print(r.rowcount, [a in session for a in accounts])
    r = session.execute(delete(Account).where(Account.balance == 0).execution_options(synchronize_session=False))
    print(r.rowcount, [a in session for a in accounts])
    session.commit()
    print(session.scalars(select(Account)).all())
    try:
        session.execute(update(Account).values(balance=1).execution_options(synchronize_session="sometimes"))
    except Exception as e:
        print(type(e).__name__, e)
