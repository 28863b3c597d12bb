# sessionmaker and the begin() context managers.
from sqlalchemy import create_engine, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, sessionmaker


class Base(DeclarativeBase):
    pass


class City(Base):
    __tablename__ = "city"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
Sess = sessionmaker(engine)
with Sess.begin() as s:
    s.add(City(name="Oslo"))
with Sess() as s:
    with s.begin():
        s.add(City(name="Rome"))
    print(s.scalars(select(City.name).order_by(City.name)).all())
try:
    with Sess.begin() as s:
        s.add(City(name="Nowhere"))
        raise RuntimeError("stop")
except RuntimeError:
    pass
with Session(engine) as s, s.begin():
    print(s.scalars(select(City.name).order_by(City.id)).all())
