# The legacy bulk API of the performance lessons: bulk_save_objects,
# bulk_insert_mappings, bulk_update_mappings: executemany batches by key
# set, no objects tracked (saved objects stay transient).
from typing import Optional
from sqlalchemy import create_engine, String, select, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    nickname: Mapped[Optional[str]] = mapped_column(String(30))
    level: Mapped[int] = mapped_column(default=1)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    users = [User(name=f"u{i}") for i in range(3)] + [User(name="x", nickname="ex")]
    session.bulk_save_objects(users)
    print(inspect(users[0]).transient, users[0].id, len(session.new))
    session.bulk_insert_mappings(User, [{"name": "m1"}, {"name": "m2", "level": 5}, {"name": "m3", "level": 6}, {"name": "m4"}])
    session.commit()
    session.bulk_update_mappings(User, [{"id": 1, "name": "first"}, {"id": 2, "name": "second"}, {"id": 3, "level": 9}])
    session.commit()
    print(session.execute(select(User.id, User.name, User.nickname, User.level).order_by(User.id)).all())
