# JSON and string-list Enum columns through the ORM; in-place JSON changes are not tracked.
from typing import Any
from sqlalchemy import create_engine, JSON, Enum, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Setting(Base):
    __tablename__ = "setting"
    id: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)
    level: Mapped[str] = mapped_column(Enum("low", "high", name="level"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    st = Setting(data={"theme": "dark", "size": [1, 2]}, level="low")
    s.add(st)
    s.commit()
    st.data["theme"] = "light"
    print(s.dirty)
    s.commit()
    print(st.data)
    st.data = {"theme": "light"}
    st.level = "high"
    s.commit()
    print(s.execute(select(Setting.data, Setting.level)).one())
