# An ORM bulk INSERT ... RETURNING whose rows name different keys runs in
# groups of consecutive rows naming the same keys, its objects in order
from sqlalchemy import create_engine, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from typing import Optional


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    fullname: Mapped[Optional[str]]
    species: Mapped[str]

    def __repr__(self):
        return f"User({self.name!r}, {self.fullname!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    users = session.scalars(
        insert(User).returning(User),
        [
            {"name": "spongebob", "fullname": "Spongebob Squarepants", "species": "Sea Sponge"},
            {"name": "sandy", "fullname": "Sandy Cheeks", "species": "Squirrel"},
            {"name": "patrick", "species": "Starfish"},
            {"name": "squidward", "fullname": "Squidward Tentacles", "species": "Squid"},
            {"name": "ehkrabs", "fullname": "Eugene H. Krabs", "species": "Crab"},
        ],
    )
    print(users.all())
    r = session.execute(insert(User), [{"name": "a", "species": "x"}, {"name": "b", "fullname": "B", "species": "y"}])
    print(session.query(User).count())
