# The Flask Mega-Tutorial (2024) models: write-only posts and a
# self-referential many-to-many of followers, follow/unfollow, counts over
# the write-only select(), and following_posts() joining aliased sides
# (Author.followers.of_type(Follower), outer) and grouping by the entity.
from datetime import datetime, timezone
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
import sqlalchemy as sa
import sqlalchemy.orm as so
from typing import Optional

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)

followers = sa.Table(
    "followers", db.metadata,
    sa.Column("follower_id", sa.Integer, sa.ForeignKey("user.id"), primary_key=True),
    sa.Column("followed_id", sa.Integer, sa.ForeignKey("user.id"), primary_key=True),
)


class User(db.Model):
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    username: so.Mapped[str] = so.mapped_column(sa.String(64), index=True, unique=True)
    posts: so.WriteOnlyMapped["Post"] = so.relationship(back_populates="author")
    following: so.WriteOnlyMapped["User"] = so.relationship(
        secondary=followers, primaryjoin=(followers.c.follower_id == id),
        secondaryjoin=(followers.c.followed_id == id), back_populates="followers")
    followers: so.WriteOnlyMapped["User"] = so.relationship(
        secondary=followers, primaryjoin=(followers.c.followed_id == id),
        secondaryjoin=(followers.c.follower_id == id), back_populates="following")

    def follow(self, user):
        if not self.is_following(user):
            self.following.add(user)

    def unfollow(self, user):
        if self.is_following(user):
            self.following.remove(user)

    def is_following(self, user):
        query = self.following.select().where(User.id == user.id)
        return db.session.scalar(query) is not None

    def followers_count(self):
        query = sa.select(sa.func.count()).select_from(self.followers.select().subquery())
        return db.session.scalar(query)

    def following_posts(self):
        Author = so.aliased(User)
        Follower = so.aliased(User)
        return (
            sa.select(Post)
            .join(Post.author.of_type(Author))
            .join(Author.followers.of_type(Follower), isouter=True)
            .where(sa.or_(Follower.id == self.id, Author.id == self.id))
            .group_by(Post)
            .order_by(Post.timestamp.desc())
        )

    def __repr__(self):
        return f"<User {self.username}>"


class Post(db.Model):
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    body: so.Mapped[str] = so.mapped_column(sa.String(140))
    timestamp: so.Mapped[datetime] = so.mapped_column(default=lambda: datetime(2024, 1, 1))
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey(User.id), index=True)
    author: so.Mapped[User] = so.relationship(back_populates="posts")

    def __repr__(self):
        return f"<Post {self.body}>"


with app.app_context():
    db.create_all()
    u1, u2, u3 = User(username="john"), User(username="susan"), User(username="mary")
    db.session.add_all([u1, u2, u3])
    db.session.commit()
    u1.follow(u2)
    u1.follow(u3)
    u3.follow(u2)
    db.session.commit()
    print(u1.is_following(u2), u2.is_following(u1), u2.followers_count())
    db.session.add_all([Post(body="from john", author=u1), Post(body="from susan", author=u2)])
    db.session.commit()
    print(db.session.scalars(u1.following_posts()).all())
    u1.unfollow(u2)
    db.session.commit()
    print(u2.followers_count())
