# Data types: generic types and how SQLite stores them.
# Look at: Database (how SQLite stores dates, decimals, enums, UUIDs and JSON) against Results (the Python values they come back as).
import datetime
import decimal
import enum
from sqlalchemy import create_engine, select, text, String, Text, Boolean, Float, Numeric, Date, DateTime, Enum, JSON, LargeBinary
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Color(enum.Enum):
    red = 1
    green = 2


class Thing(Base):
    __tablename__ = "thing"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean)
    weight: Mapped[float] = mapped_column(Float)
    price: Mapped[decimal.Decimal] = mapped_column(Numeric(10, 2))
    born: Mapped[datetime.date] = mapped_column(Date)
    seen: Mapped[datetime.datetime] = mapped_column(DateTime)
    color: Mapped[Color] = mapped_column(Enum(Color))
    extra: Mapped[dict] = mapped_column(JSON)
    blob: Mapped[bytes] = mapped_column(LargeBinary)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Thing(name="gizmo", notes="long text", active=True, weight=1.5, price=decimal.Decimal("9.99"),
                born=datetime.date(2020, 1, 31), seen=datetime.datetime(2024, 5, 6, 7, 8, 9),
                color=Color.green, extra={"tags": ["a", "b"], "n": 1}, blob=b"\x00\x01"))
    s.commit()
    t = s.scalars(select(Thing)).one()
    print(type(t.active).__name__, t.active, t.weight, t.price, type(t.price).__name__)
    print(t.born, t.seen, t.color, t.extra["tags"], t.blob)
    raw = s.execute(text("SELECT active, price, born, seen, color, extra FROM thing")).one()
    print(tuple(raw))
    print(s.scalars(select(Thing.name).where(Thing.color == Color.green)).all())
