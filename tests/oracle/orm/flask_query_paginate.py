# Flask-SQLAlchemy's legacy Query API on Model.query: paginate() (with the
# count query and page arithmetic), one_or_404(), first_or_404(),
# get_or_404(), as the Flask-SQLAlchemy 3.1 docs show them.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from werkzeug.exceptions import NotFound

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))


with app.app_context():
    db.create_all()
    db.session.add_all([User(name=f"u{i}") for i in range(7)])
    db.session.commit()
    page = User.query.order_by(User.id).paginate(page=2, per_page=3)
    print(page.page, page.per_page, page.total, page.pages, [u.name for u in page.items])
    print(page.has_prev, page.has_next, page.prev_num, page.next_num, list(page.iter_pages()))
    last = User.query.order_by(User.id).paginate(page=3, per_page=3, count=False)
    print([u.name for u in last], last.total)
    print(User.query.filter_by(name="u1").one_or_404().name)
    print(User.query.filter_by(name="u2").first_or_404().name)
    print(User.query.get_or_404(3).name)
    tries = [
        lambda: User.query.filter_by(name="zz").one_or_404(),
        lambda: User.query.filter_by(name="zz").first_or_404(description="no zz"),
        lambda: User.query.get_or_404(99, description="no 99"),
        lambda: User.query.paginate(page=9, per_page=3),
    ]
    for attempt in tries:
        try:
            attempt()
        except NotFound as e:
            print("404", e.description)
    print(type(User.query).__name__)
