# Autoflush: queries see pending objects; no_autoflush holds them back.
from sqlalchemy import create_engine, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Word(Base):
    __tablename__ = "word"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Word(text="one"))
    print(s.scalar(select(func.count()).select_from(Word)))
    with s.no_autoflush:
        s.add(Word(text="two"))
        print(s.scalar(select(func.count()).select_from(Word)))
    print(s.scalar(select(func.count()).select_from(Word)))
    s.rollback()
with Session(engine, autoflush=False) as s:
    s.add(Word(text="three"))
    print(s.scalar(select(func.count()).select_from(Word)))
    s.commit()
    print(s.scalar(select(func.count()).select_from(Word)))
