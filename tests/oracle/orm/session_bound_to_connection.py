# A Session bound to a Connection (the ORM querying guide's fixture): it
# begins and owns an idle connection's transaction, joins one already begun
# (join_transaction_mode: rollback_only by default, a savepoint when the
# connection is in one), and leaves the connection open when it closes
from sqlalchemy import create_engine, select, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
conn = engine.connect()
session = Session(conn)
session.add_all([User(name="a"), User(name="b")])
session.commit()
conn.begin()
print(session.scalars(select(User.name)).all())
session.add(User(name="c"))
session.commit()
print(conn.in_transaction())
session.close()
conn.close()
with Session(engine) as s2:
    print(s2.scalars(select(User.name)).all())
conn = engine.connect()
trans = conn.begin()
nested = conn.begin_nested()
s3 = Session(conn)
s3.add(User(name="d"))
s3.commit()
print(conn.in_nested_transaction())
s3.close()
trans.rollback()
conn.close()
s4 = Session(conn, join_transaction_mode="create_savepoint")
try:
    Session(engine, join_transaction_mode="bogus")
except Exception as e:
    print(type(e).__name__, e)
