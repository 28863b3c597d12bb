# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""`URL` and `make_url()` (SQLAlchemy's engine/url.py): a database URL's
parts, rendered back with the password hidden."""

_URL_PATTERN = _re.compile(
    r"(?P<name>[\w\+]+)://"
    r"(?:(?P<username>[^:/]*)(?::(?P<password>[^@]*))?@)?"
    r"(?:(?:\[(?P<ipv6host>[^/\?]+)\]|(?P<ipv4host>[^/:\?]+))?(?::(?P<port>[^/\?]*))?)?"
    r"(?:/(?P<database>[^\?]*))?"
    r"(?:\?(?P<query>.*))?"
)
_UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"


def _quote(text, safe):
    return "".join(ch if ch in _UNRESERVED or ch in safe else "".join(f"%{b:02X}" for b in ch.encode()) for ch in text)


def _quote_plus(text):
    return _quote(text, " ").replace(" ", "+")


def _unquote(text):
    return _re.sub(r"(%[0-9A-Fa-f]{2})+", lambda m: bytes.fromhex(m.group(0).replace("%", "")).decode(), text)


class URL(tuple):
    """drivername, username, password, host, port, database and query, as SQLAlchemy's NamedTuple."""

    _fields = ("drivername", "username", "password", "host", "port", "database", "query")

    def __new__(cls, drivername, username, password, host, port, database, query):
        return tuple.__new__(cls, (drivername, username, password, host, port, database, query))

    drivername = property(lambda self: self[0])
    username = property(lambda self: self[1])
    password = property(lambda self: self[2])
    host = property(lambda self: self[3])
    port = property(lambda self: self[4])
    database = property(lambda self: self[5])
    query = property(lambda self: self[6])

    @classmethod
    def create(cls, drivername, username=None, password=None, host=None, port=None, database=None, query=None):
        if not isinstance(drivername, str):
            raise TypeError("drivername must be a string")
        if port is not None and not isinstance(port, int):
            raise TypeError("Port argument must be an integer or None")
        return cls(drivername, username, password, host, port, database, immutabledict(query or {}))

    def _replace(self, **kw):
        values = dict(zip(self._fields, self))
        values.update(kw)
        return URL(**values)

    def set(self, drivername=None, username=None, password=None, host=None, port=None, database=None, query=None):
        kw = {k: v for k, v in (("drivername", drivername), ("username", username), ("password", password),
                                ("host", host), ("port", port), ("database", database)) if v is not None}
        if query is not None:
            kw["query"] = immutabledict(query)
        return self._replace(**kw)

    def get_backend_name(self):
        return self.drivername.split("+")[0]

    def get_driver_name(self):
        if "+" in self.drivername:
            return self.drivername.split("+")[1]
        return "pysqlite" if self.get_backend_name() == "sqlite" else self.get_backend_name()

    def render_as_string(self, hide_password=True):
        s = self.drivername + "://"
        if self.username is not None:
            s += _quote(self.username, " +")
            if self.password is not None:
                s += ":" + ("***" if hide_password else _quote(str(self.password), " +"))
            s += "@"
        if self.host is not None:
            s += f"[{self.host}]" if ":" in self.host else self.host
        if self.port is not None:
            s += ":" + str(self.port)
        if self.database is not None:
            s += "/" + _quote(self.database, " +/")
        if self.query:
            s += "?" + "&".join(
                f"{_quote_plus(k)}={_quote_plus(v)}"
                for k in sorted(self.query)
                for v in (self.query[k] if isinstance(self.query[k], (list, tuple)) else [self.query[k]])
            )
        return s

    def __repr__(self):
        return self.render_as_string()

    __str__ = __repr__

    def __hash__(self):
        return hash(str(self))


def make_url(name_or_url):
    """A URL from its string (a URL is returned as it is)."""
    if isinstance(name_or_url, str):
        m = _URL_PATTERN.match(name_or_url)
        if m is None:
            raise ArgumentError("Could not parse SQLAlchemy URL from given URL string")
        parts = m.groupdict()
        query = None
        if parts["query"] is not None:
            query = {}
            for pair in parts["query"].split("&"):
                if "=" in pair:
                    key, value = (_unquote(x.replace("+", " ")) for x in pair.split("=", 1))
                    if key in query:
                        query[key] = (query[key] if isinstance(query[key], list) else [query[key]]) + [value]
                    else:
                        query[key] = value
        for comp in ("username", "password", "database"):
            if parts[comp] is not None:
                parts[comp] = _unquote(parts[comp])
        host = parts["ipv4host"] or parts["ipv6host"]
        port = int(parts["port"]) if parts["port"] else None
        return URL.create(parts["name"], parts["username"], parts["password"], host, port, parts["database"], query)
    if isinstance(name_or_url, URL):
        return name_or_url
    raise ArgumentError(f"Expected string or URL object, got {name_or_url!r}")
