# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""Rows to objects: entity rows, identity-map lookups, expired and lazy
loads (SQLAlchemy's orm/loading.py). A mixin of `Session`."""


class _SessionLoading:
    """Loading objects from rows, for `Session.execute` and attribute access."""

    def _entity_rows(self, stmt, result, loads=None, populate=False):
        """Rows of an ORM select: each entity's columns become its object
        (`loads`: position -> the column keys an entity's query loads, when
        not all of them)."""
        entities = getattr(stmt, "_orm_entities", None)
        bundles = getattr(stmt, "_bundles", None)
        keys = list(result._keys)
        # the ORM keys its rows' columns by SQLAlchemy's naming convention
        # (`count`, `id_1`), an entity by its class, not by the SQL's labels
        named = _orm_column_keys(stmt, entities)
        if not entities and not bundles:
            if named is not None and len(named) == len(keys) and isinstance(result._keys, list):
                # (the rows share the keys list)
                result._keys[:] = named
            return result
        loads = dict(loads or {})
        for index, cls in entities:
            if index not in loads and hasattr(type(cls), "_row_keys"):
                # (a with_polymorphic() entity's columns name its subclasses' attributes too)
                loads[index] = cls._row_keys()
        spans = []
        for index, cls in entities or ():
            spans.append((index, len(loads.get(index) or cls.__mapper__._select_columns), cls))
        # a Bundle: its columns, one value (what its row processor makes of them)
        spans += [(index, len(b.exprs), b) for index, b in bundles or ()]
        spans.sort(key=lambda s: s[0])
        new_keys, layout = [], []
        pos = 0
        spans_iter = iter(spans)
        nxt = next(spans_iter, None)
        while pos < len(keys):
            if nxt is not None and pos == nxt[0]:
                new_keys.append(nxt[2].name if getattr(nxt[2], "_sa_bundle", False) else nxt[2].__name__)
                layout.append((pos, nxt[1], nxt[2]))
                pos += nxt[1]
                nxt = next(spans_iter, None)
            else:
                new_keys.append(keys[pos])
                layout.append((pos, None, None))
                pos += 1
        columns_at = [i for i, (_, n, _) in enumerate(layout) if n is None]
        if named is not None and len(named) == len(columns_at):
            for i, key in zip(columns_at, named):
                new_keys[i] = key
        processors = {start: cls._processor() for start, n, cls in layout if getattr(cls, "_sa_bundle", False)}
        rows = []
        for r in result._rows[result._pos:]:
            out = []
            for start, n, cls in layout:
                if n is None:
                    out.append(r[start])
                elif start in processors:
                    out.append(processors[start](tuple(r[start:start + n])))
                else:
                    out.append(self._load_entity(cls.__mapper__, tuple(r[start:start + n]), loads.get(start), populate))
            rows.append(tuple(out))
        return _sa.Result(new_keys, rows)


    def _load_entity(self, mapper, values, keys=None, populate=False):
        """The object of a row's columns (`keys`: which of the mapper's
        columns `values` are, when not all; `populate`: replace what an
        object in the identity map holds, as `populate_existing`)."""
        if values.count(None) == len(values):
            return None
        if mapper.inherits is not None or mapper._subclass_mappers:
            mapper, values, keys = self._polymorphic_row(mapper, values, keys)
        absent = ()
        if keys is None or keys == mapper.column_keys:
            keys = mapper.column_keys
            row = list(values)
        else:
            given = dict(zip(keys, values))
            row = [given.get(k) for k in mapper.column_keys]
            absent = [i for i, k in enumerate(mapper.column_keys) if k not in given]
        obj, st, fresh = _retort_orm.load(self._sid, mapper.mid, row, populate, absent)
        if fresh:
            cls = mapper.class_
            obj = cls.__new__(cls)
            d = obj.__dict__
            state = InstanceState(mapper, st)
            d["_sa_instance_state"] = state
            _retort_orm.attach(st, obj)
            if self._criteria:
                # loaded now: its lazy loads keep the statement's with_loader_criteria()
                state.loader_criteria = list(self._criteria)
            if type(keys) is list and type(values) is list:
                _retort_orm.fill(obj, keys, values)
            else:
                for k, v in zip(keys, values):
                    d[k] = v
            if absent:
                state.deferred_keys = {mapper.column_keys[i] for i in absent}
                state.raise_keys = set(getattr(keys, "raising", ())) & state.deferred_keys
        else:
            d = obj.__dict__
            state = d["_sa_instance_state"]
            for k, v in zip(keys, values):
                if populate or k not in d:
                    d[k] = v
            if state.deferred_keys:
                state.deferred_keys = {k for k in state.deferred_keys if k not in d}
            if populate:
                # loaded relationships load again on access
                for k in mapper._relationships:
                    d.pop(k, None)
        return obj

    def _polymorphic_row(self, mapper, values, keys):
        """A row of an inheriting entity: its values by attribute (the
        selected columns of a joined subclass name an attribute more than
        once), and the mapper its discriminator names, which loads the rest."""
        if keys is None:
            keys = [k for k, _ in mapper._select_columns]
        given = {}
        for k, v in zip(keys, values):
            given.setdefault(k, v)
        on = mapper.polymorphic_on
        if on is not None:
            key = mapper.column_attr_of.get(on.name)
            if key in given:
                mapper = mapper._mapper_for_row(given[key])
        raising = getattr(keys, "raising", ())
        keys = _Keys(k for k in mapper.column_keys if k in given)
        keys.raising = raising
        if keys == mapper.column_keys:
            keys = mapper.column_keys
        return mapper, tuple(given[k] for k in keys), keys

    def _load_expired(self, obj, state, key=None):
        """Loads an expired object's columns (`SELECT ... WHERE pk = ?`),
        after an autoflush, as SQLAlchemy's `load_on_ident` does: the columns
        are those missing before the autoflush, even if the flush loaded some.
        A deferred column (`key`) loads alone."""
        d = obj.__dict__
        mapper = state.mapper
        if state.deferred_keys and not any(k in d for k in mapper.column_keys):
            # expired as a whole: what its query left out loads with the rest now
            state.deferred_keys = state.raise_keys = ()
        deferred = mapper.deferred_keys | set(state.deferred_keys)
        if key is not None and key not in d and (key in mapper.raise_keys or key in state.raise_keys):
            raise InvalidRequestError(f"'{mapper.class_.__name__}.{key}' is not available due to raiseload=True")
        every = mapper.expression_keys + mapper.column_keys
        if key is not None and key not in d and any(p.key == key and p.query_expression and p.deferred for p in mapper.expressions):
            # a query_expression() no statement filled: None, without SQL
            return obj
        if key is not None and key in deferred and key not in d:
            group = mapper.deferred_groups.get(key)
            # (a deferred_group's unloaded columns load with it, in the mapper's order)
            missing = [k for k in every if k not in d and mapper.deferred_groups.get(k) == group] if group is not None else [key]
        else:
            missing = [k for k in every if k not in d and k not in deferred]
        if not missing:
            return obj
        self._autoflush()
        ident = state.key_values()
        if ident is None:
            return None
        loadable = [k for k in every if k not in mapper.deferred_keys]
        whole = missing == loadable and not (key is not None and key in deferred)
        if whole and loadable == mapper.column_keys:
            stmt = select(mapper.class_).where(*[c == v for c, v in zip(mapper.primary_key, ident)])
        elif mapper.inherits is not None and not mapper.single and all(
                mapper._attr_columns[k][0].table is not mapper._tables[0] for k in missing if k in mapper.attr_index):
            # the subclass tables' columns alone (`_optimized_get_statement`)
            cols = [mapper._selectable(k) for k in missing]
            tables = []
            for c in cols:
                if c.table not in tables:
                    tables.append(c.table)
            crit = [literal(v, c.type) == t.c[c.name] for t in tables for c, v in zip(mapper.primary_key, ident)]
            stmt = select(*cols).set_label_style(_sa.LABEL_STYLE_TABLENAME_PLUS_COL).where(*crit)
        else:
            stmt = select(*[mapper._selectable(k) for k in missing]).where(*[c == v for c, v in zip(mapper.primary_key, ident)])
            if mapper.single and mapper._single_criterion() is not None:
                stmt = stmt.where(mapper._single_criterion())
        result = self._connection().execute(stmt)
        row = result.first()
        if row is None:
            raise ObjectDeletedError(f"Instance '{_state_str(obj)}' has been deleted, or its row is otherwise not present.")
        if whole:
            self._load_entity(mapper, tuple(row), loadable)
        else:
            for k, v in zip(missing, row):
                if k not in d:
                    d[k] = v
            if state.deferred_keys:
                state.deferred_keys = {k for k in state.deferred_keys if k not in d}
        return obj

    _criteria = ()

    def _lazy_load(self, obj, state, prop):
        extra = [o.criteria for o in (state.loader_criteria or ()) if o.mapper is prop.mapper]
        overrides = state.lazy_overrides or {}
        mode = overrides.get(prop.key) or overrides.get("*") or prop.lazy
        if mode == "raise":
            raise InvalidRequestError(f"'{type(obj).__name__}.{prop.key}' is not available due to lazy='raise'")
        if mode == "noload":
            return [] if prop.uselist else None

        def no_sql():
            # lazy="raise_on_sql": whatever needs no SQL still loads
            if mode == "raise_on_sql":
                raise InvalidRequestError(f"'{type(obj).__name__}.{prop.key}' is not available due to lazy='raise_on_sql'")

        target = prop.mapper
        if prop.direction is MANYTOONE:
            values = [getattr(obj, prop.parent.column_attr_of[fk.name]) for _, fk in prop.pairs]
            if any(v is None for v in values):
                return None
            if [rc.name for rc, _ in prop.pairs] == [c.name for c in target.primary_key] and not getattr(prop, "_extra_criteria", False):
                found = _retort_orm.get(self._sid, target.mid, values)
                if found is not None:
                    if any(k not in found.__dict__ for k in target.column_keys if k not in target.deferred_keys):
                        no_sql()
                    # an expired object from the identity map loads now (SQLAlchemy's get_from_identity)
                    return self._load_expired(found, _state(found))
            no_sql()
            self._autoflush()
            stmt = select(target.class_).where(*_join_terms(prop, lambda i: (prop.pairs[i][0], literal(values[i], prop.pairs[i][0].type))), *extra)
            return self.execute(_with_lazy_options(stmt, state, prop), _autoflush=False).unique().scalars().first()
        no_sql()
        crit = _lazy_criteria(obj, prop)
        self._autoflush()
        stmt = select(target.class_).where(*crit, *extra).order_by(*prop.order_by)
        outer = self._loading_from
        self._loading_from = (prop.parent,)
        try:
            result = self.execute(_with_lazy_options(stmt, state, prop), _autoflush=False).unique().scalars()
            return result.all() if prop.uselist else result.first()
        finally:
            self._loading_from = outer

    # -- statements


    def _execute_grouped(self, statement, params):
        """Runs the statement; an ORM bulk INSERT whose rows name different
        keys runs a group of consecutive rows naming the same keys at a
        time, as SQLAlchemy batches them, its results as one."""
        groups = None
        if isinstance(statement, _sa.Insert) and isinstance(params, list) and len(params) > 1 and (
                getattr(statement, "_orm_entities", None) or getattr(statement, "_orm_entity", None) is not None):
            groups = self._bulk_groups(params)
        if not groups or len(groups) == 1:
            return self._connection().execute(statement, params)
        result = None
        for group in groups:
            part = self._connection().execute(statement, group if len(group) > 1 else group[0])
            if result is None:
                result = part
            else:
                result._rows = list(result._rows) + list(part._rows)
                result.rowcount += part.rowcount
        return result

    def _execute_loading(self, statement, params, options, column_options, populate, criteria):
        if isinstance(statement, FromStatement):
            if any(o.strategy != "with_expression" for o in column_options) or any(o.strategy in ("joinedload", "contains_eager") for o in options):
                raise _unsupported("from_statement() with joinedload(), contains_eager() or load_only()/defer()/undefer()")
            result = self._connection().execute(statement.element, params)
            # with_expression(User.attr, stmt.selected_columns.name): that column of the rows
            keys = list(result._keys)
            expressions = []
            for o in column_options:
                name = getattr(o.expression, "key", None) or getattr(o.expression, "name", None)
                if name not in keys:
                    raise _unsupported("with_expression() in from_statement() of other than a column of the statement")
                expressions.append((o.prop.key, keys.index(name)))
            result = self._from_statement_rows(statement, result, populate, expressions)
            self._eager(statement, result, options)
            return result
        eager = [o for o in options if o.strategy == "contains_eager"]
        if eager:
            if column_options or populate or _joins_eagerly(options):
                raise _unsupported("contains_eager() with joinedload(), load_only()/defer()/undefer() or populate_existing")
            return self._contains_eager(statement, params, eager, [o for o in options if o.strategy != "contains_eager"])
        joined = [o for o in options if o.strategy == "joinedload"]
        if joined:
            if populate:
                raise _unsupported("joinedload() with populate_existing")
            return self._joined(statement, params, joined, options, column_options)
        statement, loads = _deferral(statement, column_options)
        result = self._execute_grouped(statement, params)
        result = self._entity_rows(statement, result, loads, populate)
        self._eager(statement, result, options)
        return result
