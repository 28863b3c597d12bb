"""flask: the parts of Flask that Flask-SQLAlchemy needs in the playground:
the application object, its config and the application context."""

_APP_CONTEXT_ERROR = (
    "Working outside of application context.\n\n"
    "This typically means that you attempted to use functionality that needed\n"
    "the current application. To solve this, set up an application context\n"
    "with app.app_context(). See the documentation for more information."
)

_stack = []


class Config(dict):
    def from_mapping(self, mapping=None, **kwargs):
        for k, v in dict(mapping or {}, **kwargs).items():
            if k.isupper():
                self[k] = v
        return True

    def from_object(self, obj):
        for k in dir(obj):
            if k.isupper():
                self[k] = getattr(obj, k)

    def __repr__(self):
        return f"<Config {dict.__repr__(self)}>"


class _AppCtxGlobals:
    def get(self, name, default=None):
        return self.__dict__.get(name, default)

    def pop(self, name, default=None):
        return self.__dict__.pop(name, default)

    def setdefault(self, name, default=None):
        return self.__dict__.setdefault(name, default)

    def __contains__(self, item):
        return item in self.__dict__


class AppContext:
    def __init__(self, app):
        self.app = app
        self.g = _AppCtxGlobals()

    def push(self):
        # where the run's SQL log was (flask_sqlalchemy's recorded queries start there)
        import _retort_sql
        self._retort_log_start = _retort_sql.log_len()
        _stack.append(self)

    def pop(self, exc=None):
        try:
            for fn in reversed(self.app.teardown_appcontext_funcs):
                fn(exc)
        finally:
            _stack.remove(self)

    def __enter__(self):
        self.push()
        return self

    def __exit__(self, type_, value, tb):
        self.pop(value)
        return False


class Flask:
    def __init__(self, import_name, **kw):
        self.import_name = import_name
        self.name = import_name
        self.config = Config(DEBUG=False, TESTING=False, SECRET_KEY=None)
        self.extensions = {}
        self.teardown_appcontext_funcs = []
        self.debug = False

    def __repr__(self):
        return f"<Flask {self.import_name!r}>"

    def app_context(self):
        return AppContext(self)

    def teardown_appcontext(self, fn):
        self.teardown_appcontext_funcs.append(fn)
        return fn

    def shell_context_processor(self, fn):
        return fn

    def route(self, rule, **options):
        def decorator(fn):
            return fn

        return decorator

    def test_request_context(self, *args, **kw):
        return self.app_context()

    def run(self, *args, **kw):
        raise NotImplementedError("Retort does not support running a Flask server yet (the playground has no network)")


class _Proxy:
    def __init__(self, get):
        object.__setattr__(self, "_get", get)

    def __getattr__(self, name):
        return getattr(self._get(), name)

    def __setattr__(self, name, value):
        setattr(self._get(), name, value)

    def __repr__(self):
        return repr(self._get())

    def __bool__(self):
        return bool(_stack)


def _top():
    if not _stack:
        raise RuntimeError(_APP_CONTEXT_ERROR)
    return _stack[-1]


current_app = _Proxy(lambda: _top().app)
g = _Proxy(lambda: _top().g)
request = None


def has_app_context():
    return bool(_stack)


def abort(code, *args, **kw):
    from werkzeug.exceptions import NotFound, HTTPException

    if code == 404:
        raise NotFound(*args)
    raise HTTPException(*args)


def jsonify(*args, **kw):
    raise NotImplementedError("Retort does not support jsonify() yet (no requests in the playground)")
