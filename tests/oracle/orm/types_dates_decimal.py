# Column types in models: Date and DateTime (stored as text, read back as
# datetime objects), Numeric as Decimal, Boolean, an Enum of a Python enum,
# and querying by them.
import datetime
import decimal
import enum
from sqlalchemy import create_engine, String, Numeric, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Status(enum.Enum):
    draft = "draft"
    paid = "paid"


class Base(DeclarativeBase):
    pass


class Invoice(Base):
    __tablename__ = "invoice"
    id: Mapped[int] = mapped_column(primary_key=True)
    issued: Mapped[datetime.date]
    sent_at: Mapped[datetime.datetime | None]
    amount: Mapped[decimal.Decimal] = mapped_column(Numeric(10, 2))
    status: Mapped[Status] = mapped_column(default=Status.draft)
    urgent: Mapped[bool] = mapped_column(default=False)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([
        Invoice(issued=datetime.date(2024, 1, 31), amount=decimal.Decimal("19.99")),
        Invoice(issued=datetime.date(2024, 2, 29), sent_at=datetime.datetime(2024, 3, 1, 9, 30), amount=decimal.Decimal("5"),
                status=Status.paid, urgent=True),
    ])
    session.commit()
    inv = session.scalars(select(Invoice).where(Invoice.status == Status.paid)).one()
    print(repr(inv.issued), repr(inv.sent_at), repr(inv.amount), inv.status, inv.urgent)
    print(session.scalars(select(Invoice.id).where(Invoice.issued < datetime.date(2024, 2, 1))).all())
    print(session.scalar(select(Invoice.amount).where(Invoice.urgent.is_(False))))
