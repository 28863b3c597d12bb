"""The when-to-commit lesson: autoflush before a query and no_autoflush, rollback and refresh with expire_on_commit=False, a CHECK failing at commit (PendingRollbackError until rollback), savepoints with begin_nested() (one rolled back by an IntegrityError), session.begin() and sessionmaker.begin() blocks, is_active, an object added to two sessions."""
from typing import List, Optional
from sqlalchemy import *
from sqlalchemy.orm import *
from sqlalchemy.exc import IntegrityError, PendingRollbackError, InvalidRequestError

class Base(DeclarativeBase):
    pass

class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(20), unique=True)
    balance: Mapped[int] = mapped_column(default=0)
    __table_args__ = (CheckConstraint("balance >= 0", name="ck_balance"),)
    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine, expire_on_commit=False) as s:
    s.add_all([Account(owner="ann", balance=100), Account(owner="bob", balance=50)])
    s.commit()
    ann = s.scalar(select(Account).filter_by(owner="ann"))
    ann.balance -= 30
    print(s.scalar(select(func.sum(Account.balance))))
    with s.no_autoflush:
        ann.balance -= 10
        print(s.scalar(select(func.sum(Account.balance))))
    s.rollback()
    print(ann.balance)
    s.refresh(ann)
    print(ann.balance)
    bob = s.get(Account, 2)
    bob.balance -= 80
    try:
        s.commit()
    except IntegrityError as e:
        print(str(e.orig))
        try:
            s.execute(select(Account)).all()
        except PendingRollbackError as e2:
            print(type(e2).__name__)
        s.rollback()
    print(bob.balance, inspect(bob).expired)
    with s.begin_nested():
        s.add(Account(owner="cat", balance=5))
    try:
        with s.begin_nested():
            s.add(Account(owner="ann"))
    except IntegrityError:
        print("savepoint rolled back")
    s.commit()
    print(s.scalars(select(Account.owner).order_by(Account.id)).all())
    print(s.in_transaction(), s.is_active)
with Session(engine) as s, s.begin():
    s.add(Account(owner="dan", balance=1))
print(Session(engine).scalar(select(func.count()).select_from(Account)))
sess = sessionmaker(engine, expire_on_commit=False)
with sess.begin() as s:
    acc = s.get(Account, 1)
print(acc.owner)
try:
    with sess() as s:
        a = s.get(Account, 1)
    s2 = Session(engine)
    s3 = Session(engine)
    s2.add(a)
    s3.add(a)
except InvalidRequestError as e:
    print(type(e).__name__, str(e).split(" is ")[1])
