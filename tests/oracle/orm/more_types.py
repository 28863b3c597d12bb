# UUID, Interval, LargeBinary and Time attributes through the ORM.
import datetime
import uuid
from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Job(Base):
    __tablename__ = "job"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    took: Mapped[datetime.timedelta]
    blob: Mapped[bytes]
    at: Mapped[datetime.time]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
key = uuid.UUID("12345678-1234-5678-1234-567812345678")
with Session(engine) as s:
    s.add(Job(id=key, took=datetime.timedelta(minutes=90, seconds=5), blob=b"\x00\x01hi", at=datetime.time(9, 30)))
    s.commit()
    j = s.get(Job, key)
    print(j.id, j.took, j.blob, j.at)
    print(s.scalars(select(Job.took).where(Job.id == key)).one())
