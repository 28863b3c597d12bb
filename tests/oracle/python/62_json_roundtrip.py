# JSON: serialising records, custom encoders via default=, round trips.
import json
from datetime import date

records = [{"id": 1, "name": "Ada", "joined": date(2020, 1, 5), "tags": ("admin",)}, {"id": 2, "name": "Bob", "joined": None, "tags": ()}]


def encode(obj):
    if isinstance(obj, date):
        return obj.isoformat()
    raise TypeError(f"cannot encode {type(obj).__name__}")


text = json.dumps(records, default=encode)
print(text)
back = json.loads(text)
print(back[0]["joined"], back[1]["tags"], type(back[0]["tags"]).__name__, back == records)
print(json.dumps({"b": 1, "a": [1, 2, {"c": None}]}, indent=4, sort_keys=True))
print(json.dumps("quote \" backslash \\ newline \n tab \t"), json.loads(json.dumps("ünïcode ✓")), json.dumps({"key": 1.5e-7}))
print(json.loads('{"a": 1, "a": 2}'), json.loads("  [1 , 2 ]  "), json.loads('{"n": -0.5e2, "big": 12345678901234567890}'))
for bad in ["", "[1,]", '{"a" 1}', "nul", "[1, 2] x"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e)
