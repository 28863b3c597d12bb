# Relationship comparisons: ==, !=, any, has, contains.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select, Table, Column
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


tags = Table("post_tag", Base.metadata, Column("post_id", ForeignKey("post.id"), primary_key=True), Column("tag_id", ForeignKey("tag.id"), primary_key=True))


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    posts: Mapped[List["Post"]] = relationship(back_populates="user")


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[Optional[User]] = relationship(back_populates="posts")
    tags: Mapped[List["Tag"]] = relationship(secondary=tags)


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    ann, bob = User(name="ann"), User(name="bob")
    py, db = Tag(label="python"), Tag(label="db")
    s.add_all([
        Post(title="a", user=ann, tags=[py]),
        Post(title="b", user=ann, tags=[py, db]),
        Post(title="c", user=bob),
        Post(title="orphan"),
    ])
    s.commit()
    print(s.scalars(select(Post.title).where(Post.user == ann).order_by(Post.title)).all())
    print(s.scalars(select(Post.title).where(Post.user != ann).order_by(Post.title)).all())
    print(s.scalars(select(Post.title).where(Post.user == None)).all())
    print(s.scalars(select(Post.title).where(Post.user != None).order_by(Post.id)).all())
    print(s.scalars(select(User.name).where(User.posts.any(Post.title == "c"))).all())
    print(s.scalars(select(User.name).where(User.posts.any()).order_by(User.name)).all())
    print(s.scalars(select(Post.title).where(Post.user.has(User.name == "bob"))).all())
    print(s.scalars(select(Post.title).where(Post.tags.any(Tag.label == "db"))).all())
    print(s.scalars(select(Post.title).where(~Post.tags.any()).order_by(Post.title)).all())
    p = s.scalars(select(Post).where(Post.title == "b")).one()
    print(s.scalars(select(User.name).where(User.posts.contains(p))).all())
    print(s.scalars(select(Post.title).where(Post.tags.contains(py)).order_by(Post.title)).all())
    print(s.scalars(select(User.name).join(User.posts).where(Post.title == "c")).all())
    print(s.execute(select(User.name, Post.title).join(Post.user).order_by(Post.title)).all())
