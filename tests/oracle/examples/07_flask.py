# Flask-SQLAlchemy: the extension's model base, session and configuration.
# Look at: SQL log (Model.query uses the legacy Query's labels; paginate() counts with a subquery), Models & session.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
app.config["SQLALCHEMY_RECORD_QUERIES"] = True
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80), unique=True, nullable=False)
    email = db.Column(db.String(120), unique=True, nullable=False)
    posts = db.relationship("Post", backref="author", lazy=True)

    def __repr__(self):
        return f"<User {self.username}>"


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80), nullable=False)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)


print(User.__tablename__, Post.__tablename__)

with app.app_context():
    db.create_all()
    admin = User(username="admin", email="admin@example.com")
    guest = User(username="guest", email="guest@example.com")
    db.session.add_all([admin, guest])
    db.session.commit()
    db.session.add(Post(title="Hello", author=admin))
    db.session.commit()

    print(User.query.all())
    print(User.query.filter_by(username="admin").first())
    print(db.session.execute(db.select(User).order_by(User.username.desc())).scalars().all())
    print(db.get_or_404(User, 1))
    print(Post.query.first().author)
    page = db.paginate(db.select(User).order_by(User.id), page=1, per_page=1)
    print(page.total, page.pages, page.has_next, page.items)
    print(admin.posts)
