# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""ORM-enabled INSERT/UPDATE/DELETE statements and the legacy bulk API
(SQLAlchemy's orm/bulk_persistence.py). A mixin of `Session`."""


class _SessionBulk:
    """Bulk statements and mappings, for `Session.execute` and the legacy API."""

    def _bulk(self, statement, params, entity, options):
        """An ORM-enabled UPDATE or DELETE, and the loaded objects it matches
        kept in step: found beforehand by testing the criteria in Python
        (`synchronize_session="evaluate"`; "auto" tries it first), or
        afterwards by the primary keys RETURNING gives back ("fetch"). SET
        values Python can compute are set on them, the others expired."""
        sync = options.get("synchronize_session", "auto")
        if sync not in ("auto", "evaluate", "fetch", False):
            raise ArgumentError("Valid strategies for session synchronization are 'auto', 'evaluate', 'fetch', False")
        mapper = entity.__mapper__
        if isinstance(statement, _sa.Update) and isinstance(params, list) and not statement.where_criteria and not statement.value_rows:
            # ORM bulk UPDATE by primary key: each row's key in WHERE, its other values SET
            self.bulk_update_mappings(mapper, params)
            for row in params:
                obj = _retort_orm.get(self._sid, mapper.mid, [row.get(k) for k in mapper.pk_keys])
                if obj is not None:
                    d = obj.__dict__
                    d.update({k: v for k, v in row.items() if k in d and k not in mapper.pk_keys})
            return _sa.Result([], [], len(params), None, False)
        evaluators, expired = {}, []
        for row in statement.value_rows[:1]:
            for k, v in row.items():
                name = k if isinstance(k, str) else k.key
                key = mapper.column_attr_of.get(name, name)
                try:
                    evaluators[key] = _value_evaluator(_sa._coerce(v), mapper._tables)
                except _Unevaluatable:
                    expired.append(key)
        matches = None
        if sync in ("auto", "evaluate"):
            try:
                test = _evaluator(and_(*statement.where_criteria) if statement.where_criteria else None, mapper._tables)
                matches = [obj for obj in _retort_orm.objects(self._sid, "identity") if type(obj).__mapper__ is mapper and test(obj)]
            except _Unevaluatable as e:
                if sync == "evaluate":
                    raise _unsupported(f"synchronize_session='evaluate' for the criteria {e.args[0]!r} (pass 'fetch' or False)")
                sync = "fetch"
        if sync == "fetch" and not statement.returning_columns:
            pk = [c for _, c in mapper.column_attrs_list if c.primary_key]
            result = self._connection().execute(statement.returning(*pk), params)
            keys = {tuple(r) for r in result.all()}
            matches = [obj for obj in _retort_orm.objects(self._sid, "identity")
                       if type(obj).__mapper__ is mapper and tuple(_state(obj).key_values() or ()) in keys]
            result = _sa.Result([], [], len(keys), None, False)
        else:
            result = self._connection().execute(statement, params)
            if getattr(statement, "_orm_entities", None):
                # returning(User): the rows as objects (the identity map's, when loaded)
                result = self._entity_rows(statement, result, None, False)
        for obj in matches or ():
            if isinstance(statement, _sa.Update):
                d = obj.__dict__
                new = {key: f(obj) for key, f in evaluators.items() if key in d}
                d.update(new)
                for key in expired:
                    d.pop(key, None)
            else:
                _retort_orm.bulk_deleted(self._sid, _state(obj)._st)
        return result


    def _bulk_groups(self, mappings):
        """Consecutive mappings naming the same keys, as SQLAlchemy batches them."""
        groups = []
        for m in mappings:
            if groups and set(groups[-1][0]) == set(m):
                groups[-1].append(m)
            else:
                groups.append([m])
        return groups

    def bulk_insert_mappings(self, mapper, mappings, return_defaults=False, render_nulls=False):
        if return_defaults or render_nulls:
            raise _unsupported("bulk_insert_mappings(return_defaults=True / render_nulls=True)")
        mapper = mapper.__mapper__ if isinstance(mapper, type) else mapper
        conn = self._connection()
        for group in self._bulk_groups([dict(m) for m in mappings]):
            rows = [{k: v for k, v in m.items() if k in mapper.attr_index} for m in group]
            conn.execute(_sa.insert(mapper.local_table), rows if len(rows) > 1 else rows[0])

    def bulk_update_mappings(self, mapper, mappings):
        mapper = mapper.__mapper__ if isinstance(mapper, type) else mapper
        conn = self._connection()
        for group in self._bulk_groups([dict(m) for m in mappings]):
            keys = [k for k in mapper.column_keys if k in group[0]]
            if not all(k in keys for k in mapper.pk_keys):
                raise InvalidRequestError("bulk_update_mappings() needs every row's primary key")
            col = {k: mapper.column_attrs_list[mapper.attr_index[k]][1] for k in keys}
            stmt = _sa.update(mapper.local_table).where(*[col[k] == _sa.bindparam(f"_pk_{k}") for k in mapper.pk_keys])
            stmt = stmt.values({col[k]: _sa.bindparam(f"_v_{k}") for k in keys if k not in mapper.pk_keys})
            rows = [{(f"_pk_{k}" if k in mapper.pk_keys else f"_v_{k}"): m[k] for k in keys} for m in group]
            conn.execute(stmt, rows if len(rows) > 1 else rows[0])

    def bulk_save_objects(self, objects, return_defaults=False, update_changed_only=True, preserve_order=True):
        """New objects' rows INSERTed (the objects stay transient, as
        SQLAlchemy leaves them); rows of the same class and keys batched."""
        if return_defaults or not preserve_order:
            raise _unsupported("bulk_save_objects(return_defaults=True / preserve_order=False)")
        runs = []
        for obj in objects:
            state = _state(obj)
            if _retort_orm.status(state._st)[0] != "transient":
                raise _unsupported("bulk_save_objects() of objects already in a session")
            mapper = state.mapper
            row = {k: obj.__dict__[k] for k in mapper.column_keys if k in obj.__dict__}
            if runs and runs[-1][0] is mapper:
                runs[-1][1].append(row)
            else:
                runs.append((mapper, [row]))
        for mapper, rows in runs:
            self.bulk_insert_mappings(mapper, rows)
