# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""Retort's own: the models and live objects the playground's panels show
(not part of SQLAlchemy). What to read is chosen here; the snapshot
itself is built in Rust (`crates/retort_runtime/src/snapshot.rs`)."""


def _snapshot(configure=True):
    """The mapped classes and every live mapped object, as the JSON text of
    the playground's Models and Session panels (`retort_protocol::OrmView`,
    built by `_retort_orm`; `configure`: configure the mappers first; a
    timeline step's snapshot leaves them as they are); None when nothing
    is mapped."""
    if not any(reg.mappers for reg in _registries):
        return None

    _inspecting[0] = True
    try:
        if configure:
            for reg in _registries:
                try:
                    reg.configure()
                except Exception:
                    pass
        made_from = tuple(
            (id(m), m.configured, len(m.column_attrs_list), len(m._relationships)) for reg in _registries for m in reg.mappers
        )
        if _models_shown[0] != made_from:
            # a timeline takes a snapshot after every line; the models rarely change
            _models_shown[0] = made_from
            _retort_orm.show_models([m for reg in _registries for m in reg.mappers])
            _models_shown[1] = _layouts()
        return _retort_orm.snapshot(_models_shown[1], _safe_repr)
    finally:
        _inspecting[0] = False


# What the models shown were made from, and the mappers' layouts the
# objects are read with.
_models_shown = [None, None]


def _layouts():
    """Per mapper, what `_retort_orm.snapshot` reads of its objects:
    (mid, [(column key, attribute index)], [(relationship key, uselist)])."""
    layouts = []
    for reg in _registries:
        for m in reg.mappers:
            cols = [(key, m.attr_index[key]) for key in m.column_keys]
            rels = [(key, bool(p.uselist)) for key, p in m._relationships.items()]
            layouts.append((m.mid, cols, rels))
    return layouts


def _safe_repr(v):
    try:
        return repr(v)
    except _NotLoaded:
        # its __repr__ reads an attribute that is not loaded (expired, or a lazy relationship)
        return object.__repr__(v)
    except Exception as e:
        return f"<repr failed: {type(e).__name__}>"
