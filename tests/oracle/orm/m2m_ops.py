# Many-to-many: append, remove, clear, replace, delete an end.
from typing import List
from sqlalchemy import create_engine, Column, ForeignKey, Table, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


tagging = Table("tagging", Base.metadata, Column("photo_id", ForeignKey("photo.id"), primary_key=True), Column("tag_id", ForeignKey("tag.id"), primary_key=True))


class Photo(Base):
    __tablename__ = "photo"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(20))
    tags: Mapped[List["Tag"]] = relationship(secondary=tagging, back_populates="photos")


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(20))
    photos: Mapped[List[Photo]] = relationship(secondary=tagging, back_populates="tags")


def rows(s):
    return s.execute(select(tagging).order_by(tagging.c.photo_id, tagging.c.tag_id)).all()


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    sea = Photo(title="sea")
    s.add(sea)
    s.commit()
    blue, wet = Tag(word="blue"), Tag(word="wet")
    sea.tags.append(blue)
    s.commit()
    sea.tags.append(wet)
    s.commit()
    print(rows(s))
    sea.tags.remove(blue)
    s.commit()
    print(rows(s), [p.title for p in wet.photos])
    sky = Photo(title="sky", tags=[blue, wet])
    s.add(sky)
    s.commit()
    print(rows(s))
    sky.tags = [blue]
    s.commit()
    print(rows(s))
    s.delete(blue)
    s.commit()
    print(rows(s))
    sea.tags.clear()
    s.commit()
    print(rows(s))
