# core/operators.rst: / casts the divisor (SQLite adds 0.0 to it), // is
# FLOOR() unless both sides are integers, bitwise operators, IS [NOT]
# DISTINCT FROM, MATCH, REGEXP, and the reflected operators (5 % x)
from sqlalchemy import column, Integer, Numeric, Float, String, literal, bitwise_not, select, table, create_engine, text
print(column('x') / 5, '|', 5 / column('x'), '|', column('x', Integer) / 5, '|', column('x', Integer)/column('y', Integer), '|', column('x', Numeric)/5, '|', column('x', Float)/5, '|', column('x')/column('y'))
print(column('x') // 5, '|', column('x', Integer) // 5,'|', column('x') // 5.5, '|', column('x', Numeric)//5, '|', 5 // column('x'), '|', column('x')//column('y'))
print((column('x', Integer) / 5).type, (column('x', Integer)//5).type)
print(column('x') % 5, 5 % column('x'), 5 - column('x'), 5 * column('x'))
print(column('x').bitwise_and(5), column('x').bitwise_not(), bitwise_not(column('x')), -column('x'))
print(column('x').bitwise_or(5), column('x').bitwise_xor(5), column('x').bitwise_lshift(5), column('x').bitwise_rshift(5))
print(column('x').is_distinct_from(5), column('x').isnot_distinct_from(5), column('x').match('w'), column('x').regexp_match('w'))
print(column('x').bitwise_and(5) + 1, (column('x') + 1).bitwise_and(5))
print(~column('x').regexp_match('w'), ~column('x').is_distinct_from(3))
print(column('x').startswith('w'), column('x').contains('w'), column('x').endswith('w'))
t = table('t', column('a', Integer), column('b', Integer))
e = create_engine("sqlite://")
with e.connect() as c:
    print(c.execute(select(literal(7, Integer) / literal(2, Integer), literal(7, Integer) // literal(2, Integer), literal(6).bitwise_and(3), literal(6).bitwise_or(3), literal(1).bitwise_lshift(4), bitwise_not(literal(0)), literal(3).is_distinct_from(None))).all())
    print(select(t.c.a / t.c.b).where(t.c.a.bitwise_and(1) == 1))
