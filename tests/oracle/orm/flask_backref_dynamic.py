# Flask-SQLAlchemy's classic one-to-many: db.relationship with a backref and
# lazy="dynamic" (a query per access: filter, count, order), and the
# automatic snake_case table names.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)


class BlogAuthor(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40), nullable=False)
    posts = db.relationship("BlogPost", backref="author", lazy="dynamic")


class BlogPost(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))
    likes = db.Column(db.Integer, default=0)
    author_id = db.Column(db.Integer, db.ForeignKey("blog_author.id"))


with app.app_context():
    db.create_all()
    ada = BlogAuthor(name="ada")
    db.session.add(ada)
    db.session.add_all([BlogPost(title="one", likes=3, author=ada), BlogPost(title="two", likes=9, author=ada)])
    db.session.commit()
    print(BlogAuthor.__tablename__, BlogPost.__tablename__)
    print(ada.posts.count(), [p.title for p in ada.posts.order_by(BlogPost.likes.desc())])
    print(ada.posts.filter(BlogPost.likes > 5).first().title, ada.posts[0].author.name)
