"""Retort's copy: copy and deepcopy (with a memo for shared and cyclic
objects), honouring __copy__ and __deepcopy__."""


class Error(Exception):
    pass


_atomic = (type(None), int, float, bool, str, bytes, type, range, type(len), type(lambda: 0))


def copy(x):
    cls = type(x)
    if isinstance(x, _atomic) or isinstance(x, tuple) or isinstance(x, frozenset):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if isinstance(x, (list, dict, set)):
        y = cls.__new__(cls)
        if isinstance(x, dict):
            dict.update(y, x)
        elif isinstance(x, list):
            list.extend(y, x)
        else:
            set.update(y, x)
        y.__dict__.update(x.__dict__) if hasattr(x, "__dict__") else None
        return y
    y = object.__new__(cls)
    for k, v in x.__dict__.items():
        object.__setattr__(y, k, v)
    return y


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    d = id(x)
    if d in memo:
        return memo[d]
    cls = type(x)
    if isinstance(x, _atomic):
        return x
    copier = getattr(cls, "__deepcopy__", None)
    if copier is not None:
        y = copier(x, memo)
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        y = tuple(deepcopy(item, memo) for item in x)
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = {deepcopy(item, memo) for item in x}
    elif cls is frozenset:
        y = frozenset(deepcopy(item, memo) for item in x)
    elif isinstance(x, BaseException) or not hasattr(x, "__dict__"):
        y = copy(x)
    else:
        y = object.__new__(cls)
        memo[d] = y
        for k, v in x.__dict__.items():
            object.__setattr__(y, k, deepcopy(v, memo))
    memo[d] = y
    return y
