"""`sqlalchemy.dialects`: SQLite's (run) and the dialects Retort shows
statements in (`stmt.compile(dialect=...)`)."""


def _shown_dialect(module, cls_name, driver, paramstyle):
    """The `dialect` class of `sqlalchemy.dialects.<module>` (shown, not
    run) and the module's `__getattr__`, which refuses its other names."""
    import sqlalchemy as _sa

    cls = type(cls_name, (_sa._Dialect,), {"__module__": f"sqlalchemy.dialects.{module}", "name": module, "driver": driver, "paramstyle": paramstyle})

    def __getattr__(name):
        if name.startswith("__"):
            raise AttributeError(name)
        raise NotImplementedError(f"Retort does not support sqlalchemy.dialects.{module}.{name} yet")

    return cls, __getattr__
