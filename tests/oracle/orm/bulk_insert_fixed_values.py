# values() given once with an executemany of INSERT ... RETURNING: each row
# takes them (insertmanyvalues), Core and the ORM's bulk INSERT
import datetime
from sqlalchemy import String, create_engine, func, insert, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class LogRecord(Base):
    __tablename__ = "log_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    message: Mapped[str]
    code: Mapped[str] = mapped_column(String(10))
    timestamp: Mapped[datetime.datetime]

    def __repr__(self):
        return f"LogRecord({self.message!r}, {self.code!r}, {type(self.timestamp).__name__})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    result = session.scalars(
        insert(LogRecord).values(code="SQLA", timestamp=func.now()).returning(LogRecord),
        [{"message": "log message #1"}, {"message": "log message #2"}],
    )
    print(result.all())
    t = LogRecord.__table__
    r = session.execute(insert(t).values(code="C", timestamp=func.now()).returning(t.c.id, t.c.code), [{"message": "a"}, {"message": "b"}])
    print(r.all())
    print(session.execute(select(LogRecord.message, LogRecord.code).order_by(LogRecord.id)).all())
