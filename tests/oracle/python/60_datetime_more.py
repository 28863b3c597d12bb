# datetime arithmetic learners do with models: ages, durations, schedules.
from datetime import date, datetime, time, timedelta


def age_on(born, today):
    years = today.year - born.year
    if (today.month, today.day) < (born.month, born.day):
        years -= 1
    return years


print(age_on(date(1815, 12, 10), date(1852, 11, 27)), age_on(date(2000, 2, 29), date(2024, 2, 28)))
start = datetime(2024, 1, 1, 9, 0)
slots = [start + timedelta(minutes=45 * i) for i in range(4)]
print([s.strftime("%H:%M") for s in slots], slots[-1] - slots[0])
deadline = datetime(2024, 12, 25, 18, 30)
remaining = deadline - datetime(2024, 12, 1, 12, 0)
print(remaining, remaining.days, remaining.seconds // 3600, round(remaining.total_seconds() / 86400, 2))
print(date(2024, 1, 31).replace(month=2, day=29), (date(2024, 3, 1) - timedelta(days=1)).day, date(2023, 3, 1) - date(2023, 2, 1))
week = [date(2024, 4, 1) + timedelta(days=i) for i in range(7)]
print([d.strftime("%a %d") for d in week], [d for d in week if d.weekday() >= 5])
print(time(23, 59, 59) > time(0, 0), datetime.combine(date(2024, 1, 1), time.max), time.min, timedelta.max.days)
print(datetime(2024, 5, 17, 8, 5, 3).isoformat(timespec="minutes"), date(2024, 5, 17).isoformat(), sorted([time(12), time(8, 30)]))
print(timedelta(days=1) / timedelta(hours=1), timedelta(hours=3) * 2.5, sum([timedelta(minutes=30)] * 5, timedelta()))
