# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""Retort's own: the models and live objects the playground's panels show,
as JSON (not part of SQLAlchemy)."""


def _snapshot(configure=True):
    """The mapped classes and every live mapped object, as JSON for the
    playground's Models and Session panels (`configure`: configure the
    mappers first; a timeline step's snapshot leaves them as they are);
    None when nothing is mapped."""
    import json

    if not any(reg.mappers for reg in _registries):
        return None

    _inspecting[0] = True
    try:
        return _snapshot_json(configure, json)
    finally:
        _inspecting[0] = False


# The Models part of the last snapshot (and the mappers' layouts the
# objects are read with), with what it was made from: a timeline records
# a snapshot after every line, and the models rarely change.
_models_shown = [None, None, None]


def _snapshot_json(configure, json):
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
        _models_shown[0] = made_from
        _models_shown[1] = json.dumps(_models())
        _models_shown[2] = _layouts()
    return '{"models": ' + _models_shown[1] + ', "objects": ' + _retort_orm.objects_json(_models_shown[2], _safe_repr) + "}"


def _models():
    """The mapped classes, their columns and relationships, for the Models panel."""
    models = []
    for reg in _registries:
        for m in reg.mappers:
            cols = []
            for key, c in m.column_attrs_list:
                cols.append({
                    "key": key,
                    "name": c.name,
                    "type": _retort_sql_type(c.type),
                    "primary_key": bool(c.primary_key),
                    "foreign_key": next(iter(c.foreign_keys)).target if c.foreign_keys else None,
                    "nullable": bool(c.nullable),
                    "unique": bool(c.unique),
                    "default": None if c.default is None else repr(c.default),
                })
            rels = []
            for key, p in m._relationships.items():
                rels.append({
                    "key": key,
                    "target": p.mapper.class_.__name__ if p.mapper is not None else _target_name(p.argument) or "?",
                    "direction": p.direction.name if getattr(p, "direction", None) is not None else "?",
                    "uselist": bool(p.uselist),
                    "secondary": getattr(p.secondary, "name", p.secondary),
                    "cascade": ", ".join(p.cascade),
                    "lazy": str(p.lazy),
                    "back_populates": p.back_populates,
                })
            models.append({"class_name": m.class_.__name__, "table": m.local_table.name, "columns": cols, "relationships": rels})
    return models


def _layouts():
    """Per mapper, what `_retort_orm.objects_json` reads of its objects:
    (mid, [(column key, attribute index)], [(relationship key, uselist)]).
    It makes the Session panel's JSON for every live object: id,
    class_name, repr, state ("deleted" once marked for deletion), session,
    identity, modified, attributes ([key, repr, or None when not loaded];
    a relationship as its related objects' keys), links ([key, state id])
    and changed ([key, the committed value's repr])."""
    layouts = []
    for reg in _registries:
        for m in reg.mappers:
            cols = [(key, m.attr_index[key]) for key in m.column_keys]
            rels = [(key, bool(p.uselist)) for key, p in m._relationships.items()]
            layouts.append((m.mid, cols, rels))
    return layouts


def _retort_sql_type(t):
    import _retort_sql

    try:
        return _retort_sql.type_ddl(t)
    except Exception:
        return type(t).__name__


def _safe_repr(v):
    try:
        return repr(v)
    except _NotLoaded:
        # its __repr__ reads an attribute that is not loaded (expired, or a lazy relationship)
        return object.__repr__(v)
    except Exception as e:
        return f"<repr failed: {type(e).__name__}>"
