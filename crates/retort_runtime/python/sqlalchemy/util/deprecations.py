# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""Plain refusals (`NotImplementedError: Retort does not support X yet`) and
SADeprecationWarnings (SQLAlchemy's util/deprecations.py)."""


def _unsupported(what):
    return NotImplementedError(f"Retort does not support {what} yet")


def _refused(owner, *names, label="{cls}.{name}()"):
    """Methods SQLAlchemy's class has that Retort does not do yet: each
    raises NotImplementedError naming itself (`label`), never an AttributeError."""
    for name in names:
        def method(self, *args, _name=name, **kw):
            raise _unsupported(label.format(cls=type(self).__name__, name=_name))
        method.__name__ = name
        method._retort_refuses = True
        setattr(owner, name, method)


def _refused_properties(owner, *names):
    """Attributes SQLAlchemy's class has that Retort does not give yet: each
    raises NotImplementedError naming itself when read."""
    for name in names:
        def getter(self, _name=name):
            raise _unsupported(f"{type(self).__name__}.{_name}")
        getter._retort_refuses = True
        setattr(owner, name, property(getter))


def _deprecated(message, since, suffix=""):
    """`util.deprecations._warn_with_version`: an SADeprecationWarning (`suffix`
    after the version: where a warning in mapper configuration came from)."""
    import warnings
    warnings.warn(f"{message} (deprecated since: {since}){suffix}", exc.SADeprecationWarning, stacklevel=3)


# --------------------------------------------------------------------- types
