# Collection operations: extend, insert, slice assignment, del, +=.
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Album(Base):
    __tablename__ = "album"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(20))
    tracks: Mapped[List["Track"]] = relationship(back_populates="album", cascade="all, delete-orphan")


class Track(Base):
    __tablename__ = "track"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    album_id: Mapped[int] = mapped_column(ForeignKey("album.id"))
    album: Mapped[Album] = relationship(back_populates="tracks")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    al = Album(title="x")
    al.tracks.extend([Track(name="t1"), Track(name="t2")])
    al.tracks.insert(0, Track(name="t0"))
    al.tracks += [Track(name="t3")]
    s.add(al)
    s.commit()
    print([t.name for t in al.tracks])
    del al.tracks[0]
    al.tracks[0] = Track(name="new")
    s.commit()
    print(s.scalars(select(Track.name).order_by(Track.id)).all())
    al.tracks[1:] = []
    s.commit()
    print(s.scalars(select(Track.name).order_by(Track.id)).all(), [t.name for t in al.tracks])
