# The Flask Mega-Tutorial's followers: a self-referential many-to-many
# through an association table with primaryjoin/secondaryjoin, dynamic on
# both sides (backref), follow/unfollow and counts.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
app.config["SQLALCHEMY_ECHO"] = True
db = SQLAlchemy(app)

followers = db.Table(
    "followers",
    db.Column("follower_id", db.Integer, db.ForeignKey("user.id")),
    db.Column("followed_id", db.Integer, db.ForeignKey("user.id")),
)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(64), index=True, unique=True)
    followed = db.relationship(
        "User", secondary=followers,
        primaryjoin=(followers.c.follower_id == id),
        secondaryjoin=(followers.c.followed_id == id),
        backref=db.backref("followers", lazy="dynamic"), lazy="dynamic")

    def follow(self, user):
        if not self.is_following(user):
            self.followed.append(user)

    def unfollow(self, user):
        if self.is_following(user):
            self.followed.remove(user)

    def is_following(self, user):
        return self.followed.filter(followers.c.followed_id == user.id).count() > 0

    def __repr__(self):
        return f"<User {self.username}>"


with app.app_context():
    db.create_all()
    john, susan, mary = User(username="john"), User(username="susan"), User(username="mary")
    db.session.add_all([john, susan, mary])
    db.session.commit()
    john.follow(susan)
    john.follow(mary)
    mary.follow(susan)
    db.session.commit()
    print(john.is_following(susan), susan.is_following(john))
    print(john.followed.all(), susan.followers.order_by(User.username).all(), susan.followers.count())
    john.unfollow(susan)
    db.session.commit()
    print(john.followed.all(), susan.followers.all())
