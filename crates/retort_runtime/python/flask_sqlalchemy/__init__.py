"""flask_sqlalchemy 3.1: the `SQLAlchemy` extension over Retort's
`sqlalchemy`: `db.Model` (snake_case table names, `Model.query`), the
session scoped to the application context, `db.paginate` and the 404
helpers. The database is always the playground's in-memory one."""


import flask as _flask
import sqlalchemy as _sa
import sqlalchemy.orm as _orm
from werkzeug.exceptions import NotFound as _NotFound

from flask_sqlalchemy.pagination import Pagination, SelectPagination
from flask_sqlalchemy.query import Query as _Query

__version__ = "3.1.1"


def _camel_to_snake_case(name):
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i > 0:
            prev = name[i - 1]
            nxt = name[i + 1] if i + 1 < len(name) else ""
            if prev.islower() or prev.isdigit() or nxt.islower():
                out.append("_")
        out.append(ch)
    return "".join(out).lower().lstrip("_")


class _QueryProperty:
    def __get__(self, obj, cls):
        return (cls.query_class or _Query)((cls,), cls.__fsa__.session())


class Model:
    """The base of `db.Model` classes."""

    __fsa__ = None
    query_class = None
    query = _QueryProperty()

    def __repr__(self):
        state = _sa.inspect(self)
        if state.transient:
            pk = f"(transient {id(self)})"
        elif state.pending:
            pk = f"(pending {id(self)})"
        else:
            pk = ", ".join(map(str, state.identity))
        return f"<{type(self).__name__} {pk}>"


def _has_columns(cls):
    for k, v in cls.__dict__.items():
        if isinstance(v, (_sa.Column, _orm.MappedColumn)):
            return True
    return any(isinstance(a, _orm._MappedAnnotation) for a in cls.__dict__.get("__annotations__", {}).values())


class _ScopedSession:
    """`db.session`: one Session per application context."""

    def __init__(self, db):
        self._db = db

    def __call__(self):
        ctx = _flask._top()
        s = ctx.g.get("_retort_fsa_session")
        if s is None:
            s = _orm.Session(self._db.engine, **self._db._session_options)
            ctx.g._retort_fsa_session = s
        return s

    def remove(self):
        if _flask.has_app_context():
            s = _flask._top().g.pop("_retort_fsa_session", None)
            if s is not None:
                s.close()

    def __getattr__(self, name):
        return getattr(self(), name)

    def __repr__(self):
        return f"<sqlalchemy.orm.scoping.scoped_session object at 0x{id(self):x}>"


class SQLAlchemy:
    def __init__(self, app=None, *, metadata=None, session_options=None, query_class=None, model_class=Model,
                 engine_options=None, add_models_to_shell=True, disable_autonaming=False):
        self._session_options = dict(session_options or {})
        self._engine_options = dict(engine_options or {})
        self._engines = {}
        self._app = None
        self.session = _ScopedSession(self)
        self.Query = _orm.Query
        self._disable_autonaming = disable_autonaming
        db = self

        given = metadata

        class _Base(_orm.DeclarativeBase):
            metadata = given if given is not None else _sa.MetaData()

        self.metadata = _Base.metadata

        def init_subclass(cls, **kw):
            if "__tablename__" not in cls.__dict__ and "__table__" not in cls.__dict__ and not disable_autonaming and _has_columns(cls):
                cls.__tablename__ = _camel_to_snake_case(cls.__name__)
            _orm.DeclarativeBase.__dict__["__init_subclass__"].__func__(cls, **kw)

        body = {"__fsa__": self, "__init_subclass__": classmethod(init_subclass), "metadata": _Base.metadata, "registry": _Base.registry,
                "__abstract__": True, "__module__": "flask_sqlalchemy.model"}
        if model_class is not Model and not issubclass(model_class, Model):
            bases = (model_class, Model, _Base)
        else:
            bases = (Model, _Base)
        self.Model = type("Model", bases, body)
        self.Model.__init__ = _orm._declarative_constructor
        if app is not None:
            self.init_app(app)

    def __repr__(self):
        if not _flask.has_app_context():
            return "<SQLAlchemy>"
        return f"<SQLAlchemy sqlite://>"

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        for module in (_sa, _orm):
            if hasattr(module, name):
                return getattr(module, name)
        raise AttributeError(name)

    def init_app(self, app):
        if "sqlalchemy" in app.extensions:
            raise RuntimeError("A 'SQLAlchemy' instance has already been registered on this Flask app. Import and use that instance instead.")
        app.extensions["sqlalchemy"] = self
        app.teardown_appcontext(self._teardown_session)
        uri = app.config.get("SQLALCHEMY_DATABASE_URI")
        binds = app.config.get("SQLALCHEMY_BINDS") or {}
        if binds:
            raise NotImplementedError("Retort does not support SQLALCHEMY_BINDS (several databases) yet")
        if uri is None:
            raise RuntimeError("Either 'SQLALCHEMY_DATABASE_URI' or 'SQLALCHEMY_BINDS' must be set.")
        options = dict(self._engine_options)
        options.update(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
        echo = options.pop("echo", app.config.get("SQLALCHEMY_ECHO", False))
        self._engines[app] = _sa.create_engine(uri, echo=echo)
        self._app = app

    def _teardown_session(self, exc):
        self.session.remove()

    def _app_engine(self):
        app = _flask.current_app._get()
        if app not in self._engines:
            raise RuntimeError(
                "The current Flask app is not registered with this 'SQLAlchemy' instance. Did you forget to call "
                "'init_app', or did you create multiple 'SQLAlchemy' instances?"
            )
        return self._engines[app]

    @property
    def engine(self):
        return self._app_engine()

    @property
    def engines(self):
        return {None: self._app_engine()}

    def get_engine(self, bind_key=None, **kwargs):
        import warnings
        warnings.warn(
            "'get_engine' is deprecated and will be removed in Flask-SQLAlchemy 3.2. Use 'engine' or 'engines[key]' "
            "instead. If you're using Flask-Migrate or Alembic, you'll need to update your 'env.py' file.",
            DeprecationWarning,
            stacklevel=2,
        )
        if "bind" in kwargs:
            bind_key = kwargs.pop("bind")
        return self.engines[bind_key]

    def create_all(self, bind_key="__all__"):
        self.metadata.create_all(self._app_engine())

    def drop_all(self, bind_key="__all__"):
        self.metadata.drop_all(self._app_engine())

    def reflect(self, bind_key="__all__"):
        raise NotImplementedError("Retort does not support db.reflect() yet")

    def get_or_404(self, entity, ident, *, description=None):
        value = self.session.get(entity, ident)
        if value is None:
            raise _NotFound(description)
        return value

    def first_or_404(self, statement, *, description=None):
        value = self.session.execute(statement).scalar()
        if value is None:
            raise _NotFound(description)
        return value

    def one_or_404(self, statement, *, description=None):
        try:
            return self.session.execute(statement).scalar_one()
        except (_sa.exc.NoResultFound, _sa.exc.MultipleResultsFound):
            raise _NotFound(description)

    def paginate(self, select, *, page=None, per_page=None, max_per_page=None, error_out=True, count=True):
        return SelectPagination(
            select=select,
            session=self.session(),
            page=page,
            per_page=per_page,
            max_per_page=max_per_page,
            error_out=error_out,
            count=count,
        )

    def Table(self, name, *args, **kw):
        if args and isinstance(args[0], _sa.MetaData):
            return _sa.Table(name, *args, **kw)
        return _sa.Table(name, self.metadata, *args, **kw)

    def relationship(self, *args, **kw):
        return _orm.relationship(*args, **kw)

    def dynamic_loader(self, argument, **kw):
        kw["lazy"] = "dynamic"
        return _orm.relationship(argument, **kw)

