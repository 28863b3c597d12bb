# Engine cursor events, as the performance lessons use them: count and
# show the statements a piece of ORM code sends (before_cursor_execute),
# with conn.info carrying state to after_cursor_execute.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select, event, Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, selectinload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[List["Address"]] = relationship()


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
statements = []


@event.listens_for(engine, "before_cursor_execute")
def before(conn, cursor, statement, parameters, context, executemany):
    conn.info.setdefault("depth", []).append(len(statements))
    statements.append((statement.split()[0], parameters, executemany))


@event.listens_for(Engine, "after_cursor_execute")
def after(conn, cursor, statement, parameters, context, executemany):
    conn.info["depth"].pop()


with Session(engine) as session:
    session.add_all([User(name=f"u{i}", addresses=[Address(email=f"{i}@x"), Address(email=f"{i}@y")]) for i in range(3)])
    session.commit()
    print(len(statements), statements[:2], statements[-1])
    statements.clear()
    for u in session.scalars(select(User)):
        print(u.name, len(u.addresses))
    print("lazy:", len(statements))
    statements.clear()
    session.expire_all()
    for u in session.scalars(select(User).options(selectinload(User.addresses))):
        pass
    print("selectin:", len(statements), statements[-1])
event.remove(engine, "before_cursor_execute", before)
with engine.connect() as conn:
    conn.exec_driver_sql("SELECT 1")
print(len(statements))
