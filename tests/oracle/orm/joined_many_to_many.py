# joinedload() of a many-to-many: the secondary table and the target joined
# inside one LEFT OUTER JOIN (...); lazy="joined" on one; and the Core join()
# and outerjoin() functions, nested joins grouped in parentheses.
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select, Table, Column, join, outerjoin
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, joinedload


class Base(DeclarativeBase):
    pass


post_tag = Table("post_tag", Base.metadata, Column("post_id", ForeignKey("post.id"), primary_key=True),
                 Column("tag_id", ForeignKey("tag.id"), primary_key=True))


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(30))
    tags: Mapped[List["Tag"]] = relationship(secondary=post_tag, order_by="Tag.name")


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    posts: Mapped[List[Post]] = relationship(secondary=post_tag, lazy="joined", viewonly=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    a, b = Tag(name="a"), Tag(name="b")
    s.add_all([Post(title="p1", tags=[b, a]), Post(title="p2", tags=[b]), Post(title="p3")])
    s.commit()
with Session(engine) as s:
    posts = s.scalars(select(Post).options(joinedload(Post.tags)).order_by(Post.id)).unique().all()
    print([(p.title, [t.name for t in p.tags]) for p in posts])
    tag = s.scalars(select(Tag).where(Tag.name == "b")).unique().one()
    print(sorted(p.title for p in tag.posts))
    j = outerjoin(Post, join(post_tag, Tag, Tag.id == post_tag.c.tag_id), Post.id == post_tag.c.post_id)
    print(s.execute(select(Post.title, Tag.name).select_from(j).order_by(Post.title, Tag.name)).all())
