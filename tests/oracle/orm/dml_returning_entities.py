# An ORM UPDATE or DELETE ... RETURNING the entity gives objects, the
# identity map's own when loaded, their attributes kept in step
from sqlalchemy import create_engine, delete, update, insert, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    fullname: Mapped[str]

    def __repr__(self):
        return f"User(name={self.name!r}, fullname={self.fullname!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.execute(insert(User), [{"name": "squidward", "fullname": "S"}, {"name": "sandy", "fullname": "C"}])
    sandy = session.scalars(select(User).where(User.name == "sandy")).one()
    result = session.scalars(update(User).where(User.name == "squidward").values(fullname="Squidward Tentacles").returning(User))
    print(result.all())
    result = session.scalars(update(User).where(User.name == "sandy").values(fullname="Sandy Cheeks").returning(User))
    got = result.all()
    print(got, got[0] is sandy, sandy.fullname)
    print(session.execute(update(User).where(User.name == "sandy").values(fullname="X").returning(User.id, User.fullname)).all())
    print(session.scalars(delete(User).where(User.name == "squidward").returning(User)).all())
