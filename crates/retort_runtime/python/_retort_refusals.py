"""Refuses the real packages' public names Retort does not do yet, listed
in the generated `_retort_surface` (`cargo xtask surface`): after a host
module loads (`host.rs`), a listed module name raises NotImplementedError
from the module's `__getattr__`, and each listed method or attribute of
its classes gets a stub that raises it when called or read, so such a name
is never an AttributeError."""

import _retort_surface


def _unsupported(what):
    return NotImplementedError(f"Retort does not support {what} yet")


def install(module):
    name = module.__name__
    names = _retort_surface.MODULES.get(name)
    if names:
        _refuse_module_names(module, name, names)
    namespace = module.__dict__
    for (home, qualname), members in _retort_surface.CLASSES.items():
        cls = namespace.get(qualname)
        if isinstance(cls, type) and cls.__module__ == home and cls.__qualname__ == qualname:
            _refuse_members(cls, members)


def _refuse_module_names(module, name, names):
    before = module.__dict__.get("__getattr__")

    def __getattr__(attr):
        if before is not None:
            try:
                return before(attr)
            except AttributeError:
                pass
        if attr in names:
            raise _unsupported(f"{name}.{attr}")
        raise AttributeError(f"module '{name}' has no attribute '{attr}'")

    module.__getattr__ = __getattr__


def _has(cls, attr):
    try:
        getattr(cls, attr)
    except AttributeError:
        return False
    except Exception:
        return True
    return True


def _refuse_members(cls, members):
    for attr, kind in members:
        if not _has(cls, attr):
            setattr(cls, attr, _method(cls, attr) if kind == "method" else _property(cls, attr))


def _method(cls, attr):
    label = f"{cls.__name__}.{attr}()"

    def method(*args, **kw):
        raise _unsupported(label)

    method.__name__ = attr
    method._retort_refuses = True
    return method


def _property(cls, attr):
    label = f"{cls.__name__}.{attr}"

    def get(self):
        # a value the script (or Retort) set on the object is kept
        if attr in self.__dict__:
            return self.__dict__[attr]
        raise _unsupported(label)

    def set(self, value):
        self.__dict__[attr] = value

    get._retort_refuses = True
    return property(get, set)
