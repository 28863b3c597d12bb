"""werkzeug.exceptions: the HTTP errors Flask-SQLAlchemy raises (404)."""


class HTTPException(Exception):
    code = None
    description = None

    def __init__(self, description=None, response=None):
        super().__init__()
        if description is not None:
            self.description = description

    @property
    def name(self):
        return {404: "Not Found", 400: "Bad Request", 500: "Internal Server Error"}.get(self.code, "Unknown Error")

    def __str__(self):
        return f"{self.code} {self.name}: {self.description}"

    def __repr__(self):
        return f"<{type(self).__name__} '{self.code}: {self.name}'>"


class NotFound(HTTPException):
    code = 404
    description = (
        "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."
    )


class BadRequest(HTTPException):
    code = 400
    description = "The browser (or proxy) sent a request that this server could not understand."
