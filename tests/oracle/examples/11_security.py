# Security: bound parameters keep user input out of the SQL text.
# Look at: SQL log (the f-string puts user input into the SQL text; bound parameters keep it apart, in params).
from sqlalchemy import create_engine, text, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(30))
    secret: Mapped[str]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Account(owner="alice", secret="a-1"), Account(owner="bob", secret="b-2")])
    s.commit()
    evil = "nobody' OR '1'='1"
    unsafe = s.execute(text(f"SELECT owner, secret FROM account WHERE owner = '{evil}'")).all()
    print("string-built SQL leaks:", unsafe)
    safe = s.execute(text("SELECT owner, secret FROM account WHERE owner = :o"), {"o": evil}).all()
    print("bound parameter:", safe)
    print("ORM query:", s.scalars(select(Account.secret).where(Account.owner == evil)).all())
