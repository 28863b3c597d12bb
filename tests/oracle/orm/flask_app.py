# Flask-SQLAlchemy: models, the session, paginate and the 404 helpers.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from werkzeug.exceptions import NotFound

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///:memory:"
db = SQLAlchemy(app)


class BlogPost(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80), nullable=False)
    views = db.Column(db.Integer, default=0)


print(BlogPost.__tablename__)
try:
    db.session.add(BlogPost(title="x"))
except RuntimeError as e:
    print("RuntimeError:", str(e).splitlines()[0])
with app.app_context():
    db.create_all()
    db.session.add_all([BlogPost(title=f"post {i}", views=i * 10) for i in range(1, 8)])
    db.session.commit()
    page = db.paginate(db.select(BlogPost).order_by(BlogPost.id), page=2, per_page=3)
    print(page.items, page.total, page.pages, page.page, page.has_prev, page.has_next, page.prev_num, page.next_num)
    print(list(page.iter_pages()), page.first, page.last)
    print(db.first_or_404(db.select(BlogPost).where(BlogPost.views > 40)))
    try:
        db.get_or_404(BlogPost, 99)
    except NotFound as e:
        print(e.code, type(e).__name__)
    try:
        db.one_or_404(db.select(BlogPost))
    except NotFound as e:
        print(e.code)
    print(BlogPost.query.filter(BlogPost.views >= 50).count())
    p = BlogPost.query.get(1)
    p.views += 1
    db.session.commit()
    print(db.session.get(BlogPost, 1).views, repr(BlogPost(title="new")).split(" (")[0])
