# Mapping mistakes: SQLAlchemy's errors for relationships that cannot work.
from typing import List
from sqlalchemy import create_engine, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, configure_mappers
from sqlalchemy.exc import NoForeignKeysError, InvalidRequestError, ArgumentError


class Base(DeclarativeBase):
    pass


class A(Base):
    __tablename__ = "a"
    id: Mapped[int] = mapped_column(primary_key=True)
    bs: Mapped[List["B"]] = relationship()


class B(Base):
    __tablename__ = "b"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(10))


try:
    A()
except NoForeignKeysError as e:
    print(type(e).__name__, str(e).split(" - ")[0])
