# Models: declarative classes tied to real tables.
# Look at: Models & session (the mapped class, its columns and types), SQL log (the CREATE TABLE that create_all() sent).
from typing import Optional
from sqlalchemy import create_engine, String, Integer, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    fullname: Mapped[Optional[str]]
    age: Mapped[int] = mapped_column(Integer, default=18)

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r})"


print(User.__tablename__)
print(User.__table__.name, [c.name for c in User.__table__.columns])
print(User.__table__.c.name.type, User.__table__.c.name.nullable, User.__table__.c.fullname.nullable)
print(repr(User.__table__.primary_key.columns.keys()))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
print(sorted(inspect(engine).get_table_names()))
print([c["name"] for c in inspect(engine).get_columns("user_account")])
u = User(name="spongebob")
print(u, u.age)
