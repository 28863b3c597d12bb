# column() and literal_column() name a compared value's bind after their key
# (core/operators.rst: `x = :x_1`), made safe as anonymous labels are
from sqlalchemy import column, literal_column, table, select, text
print(column('x') == 5); print(literal_column('x') == 5); print(literal_column('x y') == 5)
print(column('x').in_([1,2]))
print(literal_column('x').in_([1,2]))
print(column('x').like('a%'))
print(select(column('x')).where(column('x') > 3).order_by(column('x')))
print(column('x').between(1, 3))
