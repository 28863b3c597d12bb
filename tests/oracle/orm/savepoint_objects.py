# begin_nested(): a SAVEPOINT inside the session's transaction; rolling it
# back undoes what was flushed since and expunges the objects added since,
# while earlier work stays.
from sqlalchemy import create_engine, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    keep = Item(name="keep")
    session.add(keep)
    nested = session.begin_nested()
    temp = Item(name="temp")
    session.add(temp)
    session.flush()
    print(session.scalar(select(func.count(Item.id))))
    nested.rollback()
    print(temp in session, keep in session)
    print(session.scalar(select(func.count(Item.id))))
    with session.begin_nested():
        session.add(Item(name="inner"))
    print(session.scalars(select(Item.name).order_by(Item.id)).all())
    try:
        with session.begin_nested():
            session.add(Item(name="boom"))
            raise ValueError("changed my mind")
    except ValueError as e:
        print(e)
    session.commit()
    print(session.scalars(select(Item.name).order_by(Item.id)).all())
