# Flask-SQLAlchemy queries: Model.query (the legacy Query), db.session with
# db.select, get_or_404 / first_or_404 / one_or_404 and werkzeug's NotFound.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from werkzeug.exceptions import NotFound

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80), nullable=False)
    year = db.Column(db.Integer)

    def __repr__(self):
        return f"<Book {self.title}>"


with app.app_context():
    db.create_all()
    db.session.add_all([Book(title="Dune", year=1965), Book(title="Emma", year=1815), Book(title="Ubik", year=1969)])
    db.session.commit()
    print(Book.query.filter(Book.year > 1900).order_by(Book.title).all())
    print(Book.query.filter_by(title="Emma").first(), Book.query.count())
    print(Book.query.get(2), db.session.get(Book, 3))
    print(db.session.execute(db.select(Book.title).where(Book.year < 1966).order_by(Book.year)).scalars().all())
    print(db.get_or_404(Book, 1))
    print(db.first_or_404(db.select(Book).filter_by(year=1969)))
    for attempt in (lambda: db.get_or_404(Book, 42), lambda: db.one_or_404(db.select(Book).filter_by(year=2000)),
                    lambda: db.first_or_404(db.select(Book).where(Book.title == "x"), description="no such book")):
        try:
            attempt()
        except NotFound as e:
            print(e.code, e.description)
