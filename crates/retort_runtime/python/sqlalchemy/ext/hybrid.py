"""sqlalchemy.ext.hybrid: attributes that are Python on instances and SQL
expressions on the class."""

from sqlalchemy import ColumnElement  # noqa: F401 (a name SQLAlchemy's module has)


class hybrid_method:
    def __init__(self, func, expr=None):
        self.func = func
        self.expr = expr or func
        self.__doc__ = func.__doc__

    def __get__(self, instance, owner):
        if instance is None:
            return self.expr.__get__(owner, owner.__class__)
        return self.func.__get__(instance, owner)

    def expression(self, expr):
        self.expr = expr
        return self


class hybrid_property:
    def __init__(self, fget, fset=None, fdel=None, expr=None, custom_comparator=None, update_expr=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.expr = expr
        self.__doc__ = fget.__doc__
        self.__name__ = fget.__name__

    def __get__(self, instance, owner):
        if instance is None:
            expr = (self.expr or self.fget)(owner)
            # selected, the expression is named after the attribute
            label = getattr(expr, "label", None)
            return label(self.__name__) if callable(label) and not isinstance(expr, type) else expr
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def _copy(self, **kw):
        d = dict(fget=self.fget, fset=self.fset, fdel=self.fdel, expr=self.expr)
        d.update(kw)
        return hybrid_property(**d)

    @property
    def inplace(self):
        return _InPlace(self)

    def getter(self, fget):
        return self._copy(fget=fget)

    def setter(self, fset):
        return self._copy(fset=fset)

    def deleter(self, fdel):
        return self._copy(fdel=fdel)

    def expression(self, expr):
        return self._copy(expr=expr)


class _InPlace:
    def __init__(self, attr):
        self.attr = attr

    def setter(self, fset):
        self.attr.fset = fset
        return self.attr

    def deleter(self, fdel):
        self.attr.fdel = fdel
        return self.attr

    def expression(self, expr):
        self.attr.expr = expr.__func__ if isinstance(expr, classmethod) else expr
        return self.attr
