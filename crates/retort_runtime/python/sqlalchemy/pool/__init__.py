"""`sqlalchemy.pool`: the connection pools an engine can be given
(`create_engine(url, poolclass=StaticPool)`, as test set-ups do). The
playground's database is one in-memory connection, so a pool class is
accepted and kept as `engine.pool`; none changes how statements run."""


class Pool:
    __module__ = "sqlalchemy.pool.base"

    def __init__(self, creator=None, recycle=-1, echo=None, logging_name=None, reset_on_return=True, events=None,
                 dialect=None, pre_ping=False, **kw):
        self._creator = creator
        self._recycle = recycle
        self.echo = echo
        self.logging_name = logging_name
        self._pre_ping = pre_ping

    def recreate(self):
        return type(self)(self._creator, self._recycle, self.echo, self.logging_name, pre_ping=self._pre_ping)

    def dispose(self):
        pass


class QueuePool(Pool):
    __module__ = "sqlalchemy.pool.impl"

    def __init__(self, creator=None, pool_size=5, max_overflow=10, timeout=30.0, use_lifo=False, **kw):
        super().__init__(creator, **kw)
        self._pool_size, self._max_overflow, self._timeout = pool_size, max_overflow, timeout

    def size(self):
        return self._pool_size


class AsyncAdaptedQueuePool(QueuePool):
    __module__ = "sqlalchemy.pool.impl"


class NullPool(Pool):
    __module__ = "sqlalchemy.pool.impl"

    def status(self):
        return "NullPool"


class SingletonThreadPool(Pool):
    __module__ = "sqlalchemy.pool.impl"

    def __init__(self, creator=None, pool_size=5, **kw):
        super().__init__(creator, **kw)
        self.size = pool_size


class StaticPool(Pool):
    __module__ = "sqlalchemy.pool.impl"

    def status(self):
        return "StaticPool"


class AssertionPool(Pool):
    __module__ = "sqlalchemy.pool.impl"

    def status(self):
        return "AssertionPool"
