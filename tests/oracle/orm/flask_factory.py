# The application factory: SQLAlchemy() made first, init_app() later; the
# RuntimeError outside an app context; db.Table for a many-to-many with a
# backref.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()

tags = db.Table(
    "tags",
    db.Column("tag_id", db.Integer, db.ForeignKey("tag.id"), primary_key=True),
    db.Column("page_id", db.Integer, db.ForeignKey("page.id"), primary_key=True),
)


class Page(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(40))
    tags = db.relationship("Tag", secondary=tags, lazy="subquery" if False else "select", backref=db.backref("pages", lazy=True))


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///:memory:"
    db.init_app(app)
    return app


app = create_app()
try:
    db.session.add(Page(title="x"))
except RuntimeError as e:
    print(str(e).splitlines()[0])

with app.app_context():
    db.create_all()
    python = Tag(name="python")
    db.session.add(Page(title="Intro", tags=[python]))
    db.session.commit()
    print([p.title for p in python.pages], Page.__tablename__, Tag.__table__.name)
