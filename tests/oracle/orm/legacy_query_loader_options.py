# The new loader options through the legacy Query API and Flask-SQLAlchemy.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import load_only, defer, contains_eager, column_property, synonym, subqueryload

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
app.config["SQLALCHEMY_ECHO"] = True
db = SQLAlchemy(app)


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    first = db.Column(db.String(20))
    last = db.Column(db.String(20))
    bio = db.deferred(db.Column(db.Text))
    full = column_property(first + " " + last)
    surname = synonym("last")
    books = db.relationship("Book", backref="author", order_by="Book.id")


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    author_id = db.Column(db.Integer, db.ForeignKey("author.id"))


with app.app_context():
    db.create_all()
    db.session.add(Author(first="Ursula", last="Le Guin", bio="wrote", books=[Book(title="Earthsea"), Book(title="Lathe")]))
    db.session.commit()
    a = Author.query.options(load_only(Author.first)).first()
    print(a.first, a.bio, a.full)
    print(Author.query.filter_by(surname="Le Guin").count())
    books = db.session.query(Book).join(Book.author).options(contains_eager(Book.author)).order_by(Book.id).all()
    print([(b.title, b.author.full) for b in books])
    print([len(x.books) for x in Author.query.options(subqueryload(Author.books)).all()])
    print(db.session.query(Author.full, Author.surname).all())
