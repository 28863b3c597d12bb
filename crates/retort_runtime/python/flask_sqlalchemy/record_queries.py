"""flask_sqlalchemy.record_queries: the statements sent in the current app
context, when SQLALCHEMY_RECORD_QUERIES is on (Flask-SQLAlchemy 3.1's
`get_recorded_queries()` and its `_QueryInfo`). Read from the run's SQL log."""

import _retort_sql
import flask as _flask


class _QueryInfo:
    """One statement: its SQL, its parameters as the driver got them, when
    it started and ended (seconds from its start), and the script line."""

    def __init__(self, statement, parameters, start_time, end_time, location):
        self.statement = statement
        self.parameters = parameters
        self.start_time = start_time
        self.end_time = end_time
        self.location = location

    @property
    def duration(self):
        return self.end_time - self.start_time

    def __repr__(self):
        return (f"_QueryInfo(statement={self.statement!r}, parameters={self.parameters!r}, "
                f"start_time={self.start_time!r}, end_time={self.end_time!r}, location={self.location!r})")


def get_recorded_queries():
    ctx = _flask._top()
    if not ctx.app.config.get("SQLALCHEMY_RECORD_QUERIES", False):
        return []
    out = []
    for sql, params, seconds, line in _retort_sql.statements_since(getattr(ctx, "_retort_log_start", 0)):
        out.append(_QueryInfo(sql, params, 0.0, seconds, f"main.py:{line} (<module>)" if line else "<unknown>"))
    return out
