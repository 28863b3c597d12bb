# Result helpers on ORM queries: scalar_one, scalar_one_or_none, first, unique, mappings.
from sqlalchemy import create_engine, String, select
from sqlalchemy.exc import NoResultFound, MultipleResultsFound
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Car(Base):
    __tablename__ = "car"
    id: Mapped[int] = mapped_column(primary_key=True)
    make: Mapped[str] = mapped_column(String(20))

    def __repr__(self):
        return f"Car({self.make})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Car(make="vw"), Car(make="fiat"), Car(make="vw")])
    s.commit()
    print(s.execute(select(Car).where(Car.make == "fiat")).scalar_one())
    print(s.execute(select(Car).where(Car.make == "bmw")).scalar_one_or_none())
    try:
        s.execute(select(Car).where(Car.make == "vw")).scalar_one()
    except MultipleResultsFound as e:
        print(type(e).__name__, e)
    try:
        s.scalars(select(Car).where(Car.make == "bmw")).one()
    except NoResultFound as e:
        print(type(e).__name__, e)
    print(s.scalars(select(Car.make).order_by(Car.make)).unique().all())
    print(s.execute(select(Car.id, Car.make).order_by(Car.id)).mappings().first())
    print(s.scalars(select(Car).order_by(Car.id.desc())).first())
    print(s.execute(select(Car).order_by(Car.id)).first())
