# One-to-one (uselist=False): replacing the related object, the old one's
# foreign key set to NULL or the old one deleted (delete-orphan), and the
# error when a second row points at the same parent.
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    passport: Mapped["Passport | None"] = relationship(back_populates="owner", cascade="all, delete-orphan")
    badge: Mapped["Badge | None"] = relationship(back_populates="owner")


class Passport(Base):
    __tablename__ = "passport"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20))
    owner_id: Mapped[int] = mapped_column(ForeignKey("person.id"), unique=True)
    owner: Mapped[Person] = relationship(back_populates="passport")


class Badge(Base):
    __tablename__ = "badge"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    owner: Mapped[Person | None] = relationship(back_populates="badge")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    p = Person(name="ada", passport=Passport(number="P1"), badge=Badge(code="B1"))
    session.add(p)
    session.commit()
    p.passport = Passport(number="P2")
    p.badge = Badge(code="B2")
    session.commit()
    print(session.scalars(select(Passport.number)).all())
    print(session.execute(select(Badge.code, Badge.owner_id).order_by(Badge.id)).all())
    print(p.passport.number, p.badge.code, p.passport.owner is p)
