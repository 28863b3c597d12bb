# Numeric columns: Decimal values at the declared scale, a float put into a
# Numeric column, and aggregates over them.
import decimal
from sqlalchemy import create_engine, Numeric, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Payment(Base):
    __tablename__ = "payment"
    id: Mapped[int] = mapped_column(primary_key=True)
    payer: Mapped[str] = mapped_column(String(20))
    amount: Mapped[decimal.Decimal] = mapped_column(Numeric(8, 2))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Payment(payer="ada", amount=decimal.Decimal("10.50")), Payment(payer="bob", amount=decimal.Decimal("3.25")),
                     Payment(payer="ada", amount=decimal.Decimal("1.10"))])
    session.commit()
    print(session.scalars(select(Payment.amount).order_by(Payment.id)).all())
    print(session.execute(select(Payment.payer, func.sum(Payment.amount)).group_by(Payment.payer).order_by(Payment.payer)).all())
    p = session.get(Payment, 1)
    p.amount += decimal.Decimal("0.25")
    session.commit()
    print(p.amount, type(p.amount).__name__)
