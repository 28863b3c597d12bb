# ORM-enabled bulk statements of the unified tutorial: INSERT ... RETURNING
# objects, UPDATE by primary key from a list of dicts (each row's key in
# WHERE, batched by the keys given, loaded objects updated in Python), an
# UPDATE and a DELETE with criteria.
from typing import Optional
from sqlalchemy import create_engine, String, select, insert, update, delete
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    users = session.scalars(insert(User).returning(User), [{"name": "spongebob", "fullname": "Spongebob"}, {"name": "sandy", "fullname": "Sandy"}, {"name": "patrick", "fullname": "Patrick"}]).all()
    print([u.name for u in users])
    result = session.execute(update(User), [{"id": 1, "fullname": "Spongebob Squarepants"}, {"id": 3, "fullname": "Patrick Star"}, {"id": 2, "name": "sandy2"}])
    print(users[0].fullname, users[2].fullname, users[1].name, "fullname" in users[0].__dict__)
    session.execute(update(User).where(User.name == "sandy2").values(fullname="Sandy Squirrel Extraordinaire"))
    session.execute(delete(User).where(User.name.in_(["squidward", "sandy2"])))
    print(session.execute(select(User.name, User.fullname).order_by(User.id)).all())
    session.commit()
