# Result.yield_per(n) and ScalarResult.yield_per(n) give the same result
# back, and partitions() then yields n rows at a time
from sqlalchemy import create_engine, text

e = create_engine("sqlite://")
with e.connect() as c:
    r = c.execute(text("select 1 union all select 2 union all select 3"))
    r2 = r.yield_per(2)
    print(r2 is r, [list(p) for p in r.partitions()])
    s = c.execute(text("select 1 union all select 2 union all select 3")).scalars()
    print(s.yield_per(2) is s, list(s))
    m = c.execute(text("select 1 as a union all select 2")).mappings()
    print(m.yield_per(1) is m, [list(p) for p in m.partitions()])
