# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""Plain refusals (`NotImplementedError: Retort does not support X yet`) and
SADeprecationWarnings (SQLAlchemy's util/deprecations.py)."""


def _unsupported(what):
    return NotImplementedError(f"Retort does not support {what} yet")


def _deprecated(message, since, suffix=""):
    """`util.deprecations._warn_with_version`: an SADeprecationWarning (`suffix`
    after the version: where a warning in mapper configuration came from)."""
    import warnings
    warnings.warn(f"{message} (deprecated since: {since}){suffix}", exc.SADeprecationWarning, stacklevel=3)


# --------------------------------------------------------------------- types
