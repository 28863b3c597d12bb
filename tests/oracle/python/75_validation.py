# Validating input with exceptions, re and isinstance.
import re


class ValidationError(ValueError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field


def validate_user(data):
    errors = []
    name = data.get("name", "")
    if not isinstance(name, str) or not name.strip():
        errors.append(ValidationError("name", "required"))
    email = data.get("email", "")
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.\w+", email or ""):
        errors.append(ValidationError("email", f"invalid address {email!r}"))
    age = data.get("age")
    if age is not None and (not isinstance(age, int) or not 0 < age < 150):
        errors.append(ValidationError("age", "must be between 1 and 149"))
    return errors


for record in [{"name": "Ada", "email": "ada@example.com", "age": 36}, {"name": " ", "email": "nope"}, {"email": "x@y.z", "age": 200}, {"name": "Bob", "email": "b@c.d", "age": "old"}]:
    problems = validate_user(record)
    print("ok" if not problems else [str(p) for p in problems], [p.field for p in problems])
