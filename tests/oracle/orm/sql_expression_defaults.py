# A column default that is a SQL expression (default=func.now()) is
# rendered in the ORM's INSERT and fetched back by its RETURNING (a row at a
# time); __mapper_args__ eager_defaults=True is accepted
from datetime import datetime
from sqlalchemy import String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Log(Base):
    __tablename__ = "log"
    id: Mapped[int] = mapped_column(primary_key=True)
    message: Mapped[str]
    code: Mapped[str] = mapped_column(String(10), default=func.upper("sqla"))
    at: Mapped[datetime] = mapped_column(default=func.now())
    __mapper_args__ = {"eager_defaults": True}


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    logs = [Log(message="one"), Log(message="two", code="MINE")]
    s.add_all(logs)
    s.flush()
    print([(l.id, l.code, type(l.at).__name__) for l in logs])
    print(sorted(logs[0].__dict__.keys() - {"_sa_instance_state"}))
    one = Log(message="three")
    s.add(one)
    s.commit()
    print(one.code, type(one.at).__name__)
    print(s.scalars(select(Log.code).order_by(Log.id)).all())
