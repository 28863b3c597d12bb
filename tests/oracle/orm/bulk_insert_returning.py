# Batching: add_all() of many objects (one INSERT ... RETURNING per row,
# sent as SQLAlchemy's insertmanyvalues batches), and the ORM's bulk
# insert(Model) with a list of dicts, with and without RETURNING.
from sqlalchemy import create_engine, String, select, insert, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Reading(Base):
    __tablename__ = "reading"
    id: Mapped[int] = mapped_column(primary_key=True)
    sensor: Mapped[str] = mapped_column(String(10))
    value: Mapped[float]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Reading(sensor="a", value=i / 2) for i in range(5)])
    session.flush()
    session.execute(insert(Reading), [{"sensor": "b", "value": 1.5}, {"sensor": "b", "value": 2.5}])
    rows = session.scalars(insert(Reading).returning(Reading), [{"sensor": "c", "value": 9.5}, {"sensor": "c", "value": 8.5}])
    print([(r.id, r.sensor, r.value) for r in rows])
    session.commit()
    print(session.execute(select(Reading.sensor, func.count(), func.sum(Reading.value)).group_by(Reading.sensor)).all())
