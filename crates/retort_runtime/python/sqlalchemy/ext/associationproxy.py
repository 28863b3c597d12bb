"""sqlalchemy.ext.associationproxy: an attribute of the objects a
relationship holds, seen through the relationship (a list of the
association objects' targets; a scalar through a many-to-one)."""

from sqlalchemy import ColumnElement, inspect, or_  # noqa: F401 (the names SQLAlchemy's module has)
from sqlalchemy.orm import _RelationshipComparator, _unsupported


class AssociationProxy:
    def __init__(self, target_collection, attr, creator=None, getset_factory=None, proxy_factory=None,
                 proxy_bulk_set=None, info=None, cascade_scalar_deletes=False, create_on_none_assignment=False):
        if getset_factory is not None or proxy_factory is not None or proxy_bulk_set is not None:
            raise _unsupported("association_proxy() with getset_factory, proxy_factory or proxy_bulk_set")
        self.target_collection = target_collection
        self.value_attr = attr
        self.creator = creator
        self.key = None

    def __class_getitem__(cls, item):
        return cls

    def __set_name__(self, owner, name):
        self.key = name

    def __repr__(self):
        return f"AssociationProxy({self.target_collection!r}, {self.value_attr!r})"

    def _relationship(self, owner):
        rel = getattr(owner, self.target_collection)
        if not isinstance(rel, _RelationshipComparator):
            raise _unsupported(f"association_proxy() through {self.target_collection!r} (only a relationship)")
        rel.prop.parent._configure()
        return rel

    def __get__(self, obj, owner=None):
        if obj is None:
            return _ProxyComparator(self, owner)
        rel = self._relationship(type(obj))
        if rel.prop.uselist:
            return _AssociationList(obj, self, rel.prop)
        target = getattr(obj, self.target_collection)
        return None if target is None else getattr(target, self.value_attr)

    def _create(self, owner, value):
        if self.creator is not None:
            return self.creator(value)
        return self._relationship(owner).prop.mapper.class_(value)

    def __set__(self, obj, value):
        rel = self._relationship(type(obj))
        if rel.prop.uselist:
            proxy = _AssociationList(obj, self, rel.prop)
            proxy.clear()
            proxy.extend(value)
            return
        target = getattr(obj, self.target_collection)
        if target is None:
            setattr(obj, self.target_collection, self._create(type(obj), value))
        else:
            setattr(target, self.value_attr, value)


def association_proxy(target_collection, attr, **kw):
    return AssociationProxy(target_collection, attr, **kw)


class _ProxyComparator:
    """`User.keywords` on the class: `contains()`, `any()`, `has()` and
    `==` in queries, through the relationship."""

    def __init__(self, proxy, owner):
        self.proxy = proxy
        self.owner = owner

    def __repr__(self):
        return f"<ObjectAssociationProxyInstance for {self.owner.__name__}.{self.proxy.key}>"

    def _target_attr(self):
        rel = self.proxy._relationship(self.owner)
        return rel, getattr(rel.prop.mapper.class_, self.proxy.value_attr)

    def contains(self, other):
        rel, attr = self._target_attr()
        if not rel.prop.uselist:
            raise _unsupported("contains() of a scalar association proxy")
        return rel.any(attr.contains(other) if isinstance(attr, _RelationshipComparator) and attr.prop.uselist else attr == other)

    def any(self, criterion=None, **kw):
        rel, attr = self._target_attr()
        if isinstance(attr, _RelationshipComparator):
            inner = attr.any(criterion, **kw) if attr.prop.uselist else attr.has(criterion, **kw)
        else:
            raise _unsupported("any() of an association proxy to a column")
        return rel.any(inner) if rel.prop.uselist else rel.has(inner)

    def has(self, criterion=None, **kw):
        rel, attr = self._target_attr()
        if rel.prop.uselist or not isinstance(attr, _RelationshipComparator):
            raise _unsupported("has() of this association proxy")
        return rel.has(attr.has(criterion, **kw))

    def __eq__(self, other):
        rel, attr = self._target_attr()
        if rel.prop.uselist:
            raise _unsupported("== of a collection association proxy")
        return rel.has(attr == other)

    __hash__ = object.__hash__


class _AssociationList:
    """The proxied list: each item is an association object's attribute;
    adding a value creates its association object (the creator, or the
    target class called with the value)."""

    def __init__(self, obj, proxy, prop):
        self._obj = obj
        self._proxy = proxy
        self._prop = prop

    @property
    def col(self):
        return getattr(self._obj, self._proxy.target_collection)

    def _get(self, member):
        return getattr(member, self._proxy.value_attr)

    def _create(self, value):
        return self._proxy._create(type(self._obj), value)

    def __len__(self):
        return len(self.col)

    def __bool__(self):
        return len(self.col) > 0

    def __iter__(self):
        return iter([self._get(m) for m in self.col])

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._get(m) for m in self.col[index]]
        return self._get(self.col[index])

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            raise _unsupported("slice assignment to an association proxy list")
        setattr(self.col[index], self._proxy.value_attr, value)

    def __delitem__(self, index):
        del self.col[index]

    def __contains__(self, value):
        return any(self._get(m) == value for m in self.col)

    def append(self, value):
        self.col.append(self._create(value))

    def extend(self, values):
        for v in values:
            self.append(v)

    def insert(self, index, value):
        self.col.insert(index, self._create(value))

    def remove(self, value):
        for i, m in enumerate(self.col):
            if self._get(m) == value:
                del self.col[i]
                return
        raise ValueError("value not in list")

    def pop(self, index=-1):
        member = self.col.pop(index)
        return self._get(member)

    def clear(self):
        del self.col[0:len(self.col)]

    def index(self, value):
        return list(self).index(value)

    def count(self, value):
        return list(self).count(value)

    def __eq__(self, other):
        return list(self) == other

    def __repr__(self):
        return repr(list(self))
