# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""`scoped_session` (SQLAlchemy's orm/scoping.py)."""


class ScopedRegistry:
    """The one object of a scope (the playground has one thread: one scope)."""

    def __init__(self, createfunc, scopefunc=None):
        self.createfunc = createfunc
        self.scopefunc = scopefunc
        self._value = None
        self._has = False

    def __call__(self):
        if not self._has:
            self._value = self.createfunc()
            self._has = True
        return self._value

    def has(self):
        return self._has

    def set(self, obj):
        self._value, self._has = obj, True

    def clear(self):
        self._value, self._has = None, False


class scoped_session:
    """`scoped_session(sessionmaker(...))`: the scope's session, made on first
    use, stood in for by the registry itself (`Session.add(...)`)."""

    def __init__(self, session_factory, scopefunc=None):
        self.session_factory = session_factory
        self.registry = ScopedRegistry(session_factory, scopefunc)

    def __call__(self, **kw):
        if kw:
            if self.registry.has():
                raise InvalidRequestError(
                    "Scoped session is already present; no new arguments may be specified."
                )
            session = self.session_factory(**kw)
            self.registry.set(session)
            return session
        return self.registry()

    def remove(self):
        if self.registry.has():
            self.registry().close()
        self.registry.clear()

    def configure(self, **kw):
        self.session_factory.configure(**kw)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.registry(), name)

    def __repr__(self):
        return f"<sqlalchemy.orm.scoping.scoped_session object at 0x{id(self):x}>"
