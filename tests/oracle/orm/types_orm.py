# Mapped types: dates, decimals, enums, booleans, optional values round-trip.
import datetime
import decimal
import enum
from typing import Optional
from sqlalchemy import create_engine, Numeric, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Color(enum.Enum):
    RED = "r"
    BLUE = "b"


class Base(DeclarativeBase):
    pass


class Thing(Base):
    __tablename__ = "thing"
    id: Mapped[int] = mapped_column(primary_key=True)
    made: Mapped[datetime.date]
    seen: Mapped[Optional[datetime.datetime]]
    price: Mapped[decimal.Decimal] = mapped_column(Numeric(8, 2))
    color: Mapped[Color]
    ok: Mapped[bool]
    note: Mapped[Optional[str]]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Thing(made=datetime.date(2024, 2, 29), seen=datetime.datetime(2024, 3, 1, 12, 30), price=decimal.Decimal("9.99"), color=Color.BLUE, ok=True))
    s.commit()
    t = s.scalars(select(Thing)).one()
    print(repr(t.made), repr(t.seen), repr(t.price), t.color, t.ok, t.note)
    t.color = Color.RED
    t.price = decimal.Decimal("10.50")
    t.note = "n"
    s.commit()
    print(s.execute(select(Thing.color, Thing.price, Thing.note)).one())
    print(s.scalars(select(Thing.id).where(Thing.color == Color.RED)).all())
