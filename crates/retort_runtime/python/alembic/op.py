"""`from alembic import op`: alembic's module proxy of `Operations`. Each
of its methods, read from this module, runs on the Operations of the
migration running now (`_target`, set by `Operations.context()`); called
outside a migration it raises alembic's NameError."""

from alembic.operations import Operations

_target = None


def __getattr__(name):
    if name.startswith("_") or not hasattr(Operations, name):
        raise AttributeError(f"module 'alembic.op' has no attribute '{name}'")

    def proxy(*args, **kw):
        if _target is None:
            raise NameError(
                f"Can't invoke function '{name}', as the proxy object has not yet been established for the Alembic "
                "'Operations' class.  Try placing this code inside a callable."
            )
        return getattr(_target, name)(*args, **kw)

    proxy.__name__ = name
    return proxy
