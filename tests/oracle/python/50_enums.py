# Enums as learners use them with models.
from enum import Enum, IntEnum, auto


class OrderStatus(Enum):
    PENDING = "pending"
    PAID = "paid"
    SHIPPED = "shipped"

    @property
    def is_final(self):
        return self is OrderStatus.SHIPPED

    @classmethod
    def parse(cls, text):
        return cls(text.lower())


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


class Weekday(Enum):
    MON = auto()
    TUE = auto()
    WED = auto()


print(OrderStatus.PAID, OrderStatus.PAID.value, OrderStatus["SHIPPED"], OrderStatus.parse("PENDING"), OrderStatus.SHIPPED.is_final)
print([s.name for s in OrderStatus], len(OrderStatus), OrderStatus.PAID in OrderStatus, OrderStatus("paid") is OrderStatus.PAID)
print(Priority.HIGH > Priority.LOW, Priority.HIGH == 3, sorted([Priority.HIGH, Priority.LOW]), Priority(2), int(Priority.MEDIUM), Priority.LOW + 1)
print(list(Weekday), Weekday.TUE.value, repr(Weekday.WED))
counts = {status: 0 for status in OrderStatus}
counts[OrderStatus.PAID] += 2
print(counts)
status = OrderStatus.PENDING
if status == OrderStatus.PENDING:
    print("waiting", status.name.lower())
print(OrderStatus.PAID == "paid", isinstance(OrderStatus.PAID, OrderStatus), type(OrderStatus.PAID))
try:
    OrderStatus("lost")
except ValueError as e:
    print(e)
