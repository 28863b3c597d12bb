# delete-orphan: a child removed from its parent is deleted at the flush,
# but one moved to another parent is not; an orphan never flushed is just
# dropped.
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Album(Base):
    __tablename__ = "album"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(20))
    photos: Mapped[list["Photo"]] = relationship(back_populates="album", cascade="all, delete-orphan")


class Photo(Base):
    __tablename__ = "photo"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    album_id: Mapped[int] = mapped_column(ForeignKey("album.id"))
    album: Mapped[Album] = relationship(back_populates="photos")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    a, b = Album(title="a", photos=[Photo(name="p1"), Photo(name="p2"), Photo(name="p3")]), Album(title="b")
    session.add_all([a, b])
    session.commit()
    p1, p2 = a.photos[0], a.photos[1]
    a.photos.remove(p1)
    p2.album = b
    draft = Photo(name="draft")
    a.photos.append(draft)
    a.photos.remove(draft)
    session.commit()
    print(session.execute(select(Photo.name, Photo.album_id).order_by(Photo.id)).all())
