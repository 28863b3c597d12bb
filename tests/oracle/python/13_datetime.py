# datetime: construction, arithmetic, ISO formats, strftime, reprs.
from datetime import date, datetime, time, timedelta, timezone

d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=2), d - date(2024, 1, 1), d.weekday(), d.isoweekday(), d.year, d.month, d.day)
print(d.isoformat(), d.strftime("%d/%m/%Y %A %B %j"), d.replace(day=1), date.fromisoformat("2023-12-31"), d.toordinal())
dt = datetime(2024, 3, 15, 14, 30, 5, 123456)
print(dt, repr(dt), dt.isoformat(), dt.isoformat(sep=" ", timespec="seconds"), dt.date(), dt.time(), repr(dt.time()))
print(dt.strftime("%Y-%m-%d %H:%M:%S.%f %p %I %a %b %y"), f"{dt:%H:%M}", f"{d}", str(dt), datetime(2024, 1, 1))
print(repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 12)), repr(datetime(2024, 1, 1, 0, 0, 1)), repr(time(9, 30)), time(9, 30, 15))
print(dt + timedelta(hours=12), dt - timedelta(weeks=1), dt - datetime(2024, 1, 1), (dt - datetime(2024, 1, 1)).total_seconds())
td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(td, repr(td), td.days, td.seconds, td.microseconds, -td, abs(-td), td * 2, td / 2, td // timedelta(hours=1), timedelta(0), repr(timedelta(0)))
print(timedelta(hours=-1), timedelta(minutes=90), timedelta(seconds=0.5), repr(timedelta(seconds=-1)), timedelta(days=2) > timedelta(hours=47))
print(datetime.fromisoformat("2024-05-06T07:08:09"), datetime.fromisoformat("2024-05-06 07:08:09.500000"), datetime.fromisoformat("2024-05-06"))
utc = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
print(utc, repr(utc), utc.isoformat(), timezone.utc, repr(timezone.utc), utc.utcoffset(), utc.tzname())
plus2 = timezone(timedelta(hours=2))
print(utc.astimezone(plus2), plus2, utc == utc.astimezone(plus2), datetime.fromisoformat("2024-01-01T10:00:00+02:00"))
print(sorted([date(2024, 5, 1), date(2023, 1, 1), date(2024, 1, 1)]), max(dt, datetime(2025, 1, 1)), date(2024, 1, 1) < date(2024, 1, 2))
print({date(2024, 1, 1): "new year"}[date(2024, 1, 1)], date(2024, 1, 1) == date(2024, 1, 1), datetime(2024, 1, 1) == datetime(2024, 1, 1, 0, 0))
print(datetime.strptime("2024-07-04 12:00", "%Y-%m-%d %H:%M"), datetime.combine(d, time(8, 15)), date.fromordinal(738000))
print(datetime(2024, 1, 31) + timedelta(days=30), date(2024, 12, 31) + timedelta(days=1), date(2023, 2, 28) + timedelta(days=1))
try:
    date(2024, 2, 30)
except ValueError as e:
    print(e)
try:
    date(2024, 13, 1)
except ValueError as e:
    print(e)
try:
    datetime(2024, 1, 1) < datetime(2024, 1, 1, tzinfo=timezone.utc)
except TypeError as e:
    print(e)
try:
    datetime.fromisoformat("not a date")
except ValueError as e:
    print(e)
now = datetime.now()
print(type(now).__name__, now.year >= 2024, isinstance(now, date), isinstance(d, datetime))
print(date(2024, 1, 1).isocalendar(), datetime(2024, 6, 1).timestamp(), datetime.fromtimestamp(0, timezone.utc))
