# db.paginate(): pages of a select, what a template needs (has_prev,
# has_next, iter_pages), a page past the end (404 unless error_out=False)
# and max_per_page.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from werkzeug.exceptions import NotFound

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(40))


with app.app_context():
    db.create_all()
    db.session.add_all([Post(title=f"post {i}") for i in range(1, 24)])
    db.session.commit()
    page = db.paginate(db.select(Post).order_by(Post.id), page=2, per_page=5)
    print(page.page, page.per_page, page.total, page.pages, page.has_prev, page.has_next, page.prev_num, page.next_num)
    print([p.title for p in page.items])
    print(list(page.iter_pages()))
    print(list(page.iter_pages(left_edge=1, left_current=1, right_current=1, right_edge=1)))
    last = db.paginate(db.select(Post).order_by(Post.id), page=5, per_page=5)
    print(len(last.items), last.has_next, last.next_num, last.first, last.last)
    empty = db.paginate(db.select(Post), page=9, per_page=5, error_out=False)
    print(empty.items, empty.total)
    try:
        db.paginate(db.select(Post), page=9, per_page=5)
    except NotFound as e:
        print(e.code)
    capped = db.paginate(db.select(Post), page=1, per_page=50, max_per_page=10)
    print(capped.per_page, len(capped.items))
