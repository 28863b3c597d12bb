# Transactions: constraint violations, rollback and savepoints.
# Look at: SQL log (ROLLBACK after the failed INSERT; SAVEPOINT and ROLLBACK TO SAVEPOINT for begin_nested()).
from sqlalchemy import create_engine, String, select, func
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(20), unique=True)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Tag(label="python"))
    s.commit()
    s.add(Tag(label="python"))
    try:
        s.commit()
    except IntegrityError as e:
        print("caught", type(e).__name__)
        s.rollback()
    print(s.scalar(select(func.count(Tag.id))))

    s.add(Tag(label="rust"))
    nested = s.begin_nested()
    s.add(Tag(label="rust"))
    try:
        nested.commit()
    except IntegrityError:
        nested.rollback()
        print("savepoint rolled back")
    s.commit()
    print(s.scalars(select(Tag.label).order_by(Tag.label)).all())
