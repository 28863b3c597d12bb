# An outer join along a many-to-many: SQLAlchemy nests the secondary table
# and the target in parentheses (LEFT OUTER JOIN (post_tag AS post_tag_1
# JOIN tag ON ...) ON ...); an inner join chains them.
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select, Table, Column, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


post_tag = Table("post_tag", Base.metadata, Column("post_id", ForeignKey("post.id"), primary_key=True),
                 Column("tag_id", ForeignKey("tag.id"), primary_key=True))


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(30))
    tags: Mapped[List["Tag"]] = relationship(secondary=post_tag)


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    a, b = Tag(name="a"), Tag(name="b")
    s.add_all([Post(title="p1", tags=[a, b]), Post(title="p2", tags=[b]), Post(title="p3")])
    s.commit()
    print(s.execute(select(Post.title, func.count(Tag.id)).outerjoin(Post.tags).group_by(Post.title).order_by(Post.title)).all())
    print(s.execute(select(Post.title, Tag.name).join(Post.tags).order_by(Post.title, Tag.name)).all())
    print(s.query(Post.title).outerjoin(Post.tags).filter(Tag.id.is_(None)).all())
