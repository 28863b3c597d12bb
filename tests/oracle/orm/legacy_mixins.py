# declarative_base(), Column style, __table_args__, and mixins.
from sqlalchemy import create_engine, Column, Integer, String, UniqueConstraint, ForeignKey, select
from sqlalchemy.orm import declarative_base, Session, Mapped, mapped_column, declared_attr

Base = declarative_base()


class IdMixin:
    id = Column(Integer, primary_key=True)


class NamedMixin:
    name: Mapped[str] = mapped_column(String(40))

    @declared_attr
    def __tablename__(cls):
        return cls.__name__.lower()


class Shop(IdMixin, NamedMixin, Base):
    city = Column(String(20), nullable=False)
    __table_args__ = (UniqueConstraint("name", "city"),)


class Shelf(NamedMixin, Base):
    id = Column(Integer, primary_key=True)
    shop_id = Column(ForeignKey("shop.id"))


print(Shop.__tablename__, [c.name for c in Shop.__table__.columns], [c.name for c in Shelf.__table__.columns])
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Shop(name="corner", city="Oslo"))
    s.commit()
    shop = s.scalars(select(Shop)).one()
    s.add(Shelf(name="top", shop_id=shop.id))
    s.commit()
    print(s.execute(select(Shelf.name, Shelf.shop_id)).all())
