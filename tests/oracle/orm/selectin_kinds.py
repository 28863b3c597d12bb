# selectinload() along each kind of relationship, and chained:
# one-to-many, many-to-one (the targets by primary key), many-to-many
# (through the association table), and a loader option on the loaded
# objects' own relationship.
from sqlalchemy import create_engine, ForeignKey, String, Table, Column, select, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, selectinload


class Base(DeclarativeBase):
    pass


post_tag = Table(
    "post_tag", Base.metadata,
    Column("post_id", ForeignKey("post.id"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
)


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    posts: Mapped[list["Post"]] = relationship(back_populates="author")


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    author: Mapped[User] = relationship(back_populates="posts")
    tags: Mapped[list["Tag"]] = relationship(secondary=post_tag)


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([Tag(label="python"), Tag(label="sql"), Tag(label="orm")])
    ada = User(name="ada", posts=[Post(title="p1"), Post(title="p2")])
    bob = User(name="bob", posts=[Post(title="p3")])
    session.add_all([ada, bob, User(name="cy")])
    session.flush()
    # the association rows by Core, in one known order
    session.execute(insert(post_tag), [{"post_id": 1, "tag_id": 1}, {"post_id": 1, "tag_id": 2},
                                       {"post_id": 2, "tag_id": 3}, {"post_id": 3, "tag_id": 1}])
    session.commit()

with Session(engine) as session:
    posts = session.scalars(select(Post).options(selectinload(Post.author)).order_by(Post.id)).all()
    print([(p.title, p.author.name) for p in posts])

with Session(engine) as session:
    posts = session.scalars(select(Post).options(selectinload(Post.tags)).order_by(Post.id)).all()
    print([(p.title, sorted(t.label for t in p.tags)) for p in posts])

with Session(engine) as session:
    users = session.scalars(
        select(User).options(selectinload(User.posts).selectinload(Post.tags)).order_by(User.id)
    ).all()
    for u in users:
        print(u.name, [(p.title, sorted(t.label for t in p.tags)) for p in u.posts])

with Session(engine) as session:
    users = session.scalars(select(User).options(selectinload(User.posts), selectinload(User.posts, Post.tags))).all()
    print(sum(len(p.tags) for u in users for p in u.posts))

with Session(engine) as session:
    # the targets of a many-to-one already in the session are loaded again by the IN query
    ada = session.get(User, 1)
    posts = session.scalars(select(Post).options(selectinload(Post.author).selectinload(User.posts))).all()
    print([p.author is ada for p in posts], [len(p.author.posts) for p in posts])
