"""Retort's decimal: Decimal as (sign, coefficient, exponent) with the
default context (28 digits, ROUND_HALF_EVEN), following CPython's
_pydecimal for str(), arithmetic, division, quantize and comparisons."""

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"


class DecimalException(ArithmeticError):
    pass


class InvalidOperation(DecimalException):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class Rounded(DecimalException):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


class Context:
    def __init__(self, prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999, capitals=1, clamp=0, flags=None, traps=None):
        self.prec = prec
        self.rounding = rounding
        self.Emin = Emin
        self.Emax = Emax
        self.capitals = capitals
        self.clamp = clamp

    def __repr__(self):
        return (
            f"Context(prec={self.prec}, rounding={self.rounding}, Emin={self.Emin}, Emax={self.Emax}, "
            f"capitals={self.capitals}, clamp={self.clamp}, flags=[], traps=[InvalidOperation, DivisionByZero, Overflow])"
        )

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp)


_context = Context()


def getcontext():
    return _context


def setcontext(context):
    global _context
    _context = context


class localcontext:
    def __init__(self, ctx=None, **kwargs):
        self.new = (ctx or _context).copy()
        for k, v in kwargs.items():
            setattr(self.new, k, v)

    def __enter__(self):
        global _context
        self.saved = _context
        _context = self.new
        return self.new

    def __exit__(self, *exc):
        global _context
        _context = self.saved


def _round_digits(sign, coeff, drop, rounding):
    """Drop `drop` trailing digits of coeff with rounding; returns the new coefficient."""
    if drop <= 0:
        return coeff * 10 ** (-drop)
    div = 10 ** drop
    q, r = divmod(coeff, div)
    if r == 0:
        return q
    half = div // 2 if div % 2 == 0 else None
    if rounding == ROUND_DOWN:
        return q
    if rounding == ROUND_UP:
        return q + 1
    if rounding == ROUND_CEILING:
        return q + 1 if sign == 0 else q
    if rounding == ROUND_FLOOR:
        return q + 1 if sign == 1 else q
    twice = r * 2
    if twice > div:
        return q + 1
    if twice < div:
        return q
    if rounding == ROUND_HALF_UP:
        return q + 1
    if rounding == ROUND_HALF_DOWN:
        return q
    if rounding == ROUND_05UP:
        return q + 1 if q % 5 == 0 else q
    return q + 1 if q % 2 == 1 else q


class Decimal:
    __slots__ = ("_sign", "_int", "_exp", "_special")
    __retort_c_type__ = True

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        self._special = None
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = value._sign, value._int, value._exp, value._special
            return self
        if isinstance(value, bool) or isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(int(value))
            self._exp = 0
            return self
        if isinstance(value, float):
            if value != value:
                self._sign, self._int, self._exp, self._special = 0, 0, 0, "n"
                return self
            if value in (float("inf"), float("-inf")):
                self._sign, self._int, self._exp, self._special = (1 if value < 0 else 0), 0, 0, "F"
                return self
            sign = 1 if str(value).startswith("-") else 0
            n, d = abs(value).as_integer_ratio()
            k = d.bit_length() - 1
            self._sign = sign
            self._int = n * 5 ** k
            self._exp = -k
            return self
        if isinstance(value, tuple):
            sign, digits, exp = value
            self._sign = sign
            self._int = int("".join(map(str, digits)) or "0")
            self._exp = exp
            return self
        if isinstance(value, str):
            s = value.strip().replace("_", "")
            sign = 0
            if s[:1] in "+-" and s:
                sign = 1 if s[0] == "-" else 0
                s = s[1:]
            low = s.lower()
            if low in ("inf", "infinity"):
                self._sign, self._int, self._exp, self._special = sign, 0, 0, "F"
                return self
            if low in ("nan", "snan"):
                self._sign, self._int, self._exp, self._special = sign, 0, 0, "n"
                return self
            exp = 0
            if "e" in low:
                low, e = low.split("e", 1)
                if not e or not e.lstrip("+-").isdigit():
                    raise InvalidOperation([ConversionSyntax])
                exp = int(e)
            if "." in low:
                intpart, frac = low.split(".", 1)
            else:
                intpart, frac = low, ""
            digits = intpart + frac
            if not digits or not digits.isdigit():
                raise InvalidOperation([ConversionSyntax])
            self._sign = sign
            self._int = int(digits)
            self._exp = exp - len(frac)
            return self
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    # -- helpers
    def _digits(self):
        return str(self._int)

    def _fix(self, context=None):
        context = context or _context
        digits = len(str(self._int))
        if self._special or digits <= context.prec:
            return self
        drop = digits - context.prec
        coeff = _round_digits(self._sign, self._int, drop, context.rounding)
        exp = self._exp + drop
        if len(str(coeff)) > context.prec:
            coeff //= 10
            exp += 1
        return _make(self._sign, coeff, exp)

    @classmethod
    def from_float(cls, f):
        return cls(f)

    # -- conversions
    def __str__(self):
        return self._to_str(False)

    def _to_str(self, eng):
        sign = "-" if self._sign else ""
        if self._special == "F":
            return sign + "Infinity"
        if self._special == "n":
            return sign + "NaN"
        digits = str(self._int)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        else:
            dotplace = 1
        if dotplace <= 0:
            intpart = "0"
            fracpart = "." + "0" * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + "0" * (dotplace - len(digits))
            fracpart = ""
        else:
            intpart = digits[:dotplace]
            fracpart = "." + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ""
        else:
            exp = "E" + "%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def to_eng_string(self, context=None):
        return self._to_str(True)

    def __format__(self, spec):
        if not spec:
            return str(self)
        fill_align = ""
        width = ""
        grouping = ""
        prec = None
        kind = ""
        s = spec
        if s and s[-1] in "fFeE%g":
            kind = s[-1]
            s = s[:-1]
        if "." in s:
            s, p = s.split(".", 1)
            prec = int(p)
        if s.endswith(",") or s.endswith("_"):
            grouping = s[-1]
            s = s[:-1]
        value = self
        if kind == "%":
            value = self * 100
            kind = "f"
        if kind in ("f", "F") or (kind == "" and prec is not None):
            if prec is not None:
                value = value.quantize(Decimal((0, (1,), -prec)), rounding=_context.rounding)
            body = value._plain()
        else:
            body = str(value)
        if grouping:
            neg = body.startswith("-")
            b = body[1:] if neg else body
            ip, _, fp = b.partition(".")
            ip = format(int(ip), "," if grouping == "," else "_")
            body = ("-" if neg else "") + ip + ("." + fp if fp else "")
        if spec.endswith("%"):
            body += "%"
        return format(body, s) if s else body

    def _plain(self):
        sign = "-" if self._sign else ""
        digits = str(self._int)
        if self._exp >= 0:
            return sign + digits + "0" * self._exp
        pos = len(digits) + self._exp
        if pos > 0:
            return sign + digits[:pos] + "." + digits[pos:]
        return sign + "0." + "0" * (-pos) + digits

    def __float__(self):
        if self._special == "n":
            return float("nan")
        if self._special == "F":
            return float("-inf") if self._sign else float("inf")
        return float(str(self))

    def __int__(self):
        if self._special:
            raise ValueError("cannot convert NaN to integer") if self._special == "n" else OverflowError("cannot convert Infinity to integer")
        if self._exp >= 0:
            v = self._int * 10 ** self._exp
        else:
            v = self._int // 10 ** (-self._exp)
        return -v if self._sign else v

    __trunc__ = __int__

    def __bool__(self):
        return self._special is not None or self._int != 0

    def as_tuple(self):
        return DecimalTuple(self._sign, tuple(int(c) for c in str(self._int)), self._exp)

    def as_integer_ratio(self):
        if self._exp >= 0:
            return ((-1) ** self._sign * self._int * 10 ** self._exp, 1)
        n, d = self._int, 10 ** (-self._exp)
        from math import gcd
        g = gcd(n, d)
        return ((-1) ** self._sign * (n // g), d // g)

    def is_nan(self):
        return self._special == "n"

    def is_infinite(self):
        return self._special == "F"

    def is_finite(self):
        return self._special is None

    def is_zero(self):
        return self._special is None and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def adjusted(self):
        return self._exp + len(str(self._int)) - 1

    def copy_abs(self):
        return _make(0, self._int, self._exp)

    def copy_negate(self):
        return _make(1 - self._sign, self._int, self._exp)

    # -- arithmetic
    def _coerce(self, other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        return NotImplemented

    def __neg__(self):
        if not self._int and not self._special:
            return _make(0, 0, self._exp)._fix()
        return _make(1 - self._sign, self._int, self._exp, self._special)._fix()

    def __pos__(self):
        if not self._int and not self._special:
            return _make(0, 0, self._exp)
        return self._fix()

    def __abs__(self):
        return _make(0, self._int, self._exp, self._special)._fix()

    def __add__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        if self._special or other._special:
            return _special_op(self, other)
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = other._int * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        total = a + b
        if total == 0:
            sign = 1 if (self._sign and other._sign) or (_context.rounding == ROUND_FLOOR and self._sign != other._sign) else 0
            return _make(sign, 0, exp)._fix()
        return _make(1 if total < 0 else 0, abs(total), exp)._fix()

    __radd__ = __add__

    def __sub__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return self.__add__(other.copy_negate() if other._int or other._special else _make(1 - other._sign, 0, other._exp))

    def __rsub__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self)

    def __mul__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        if self._special or other._special:
            return _special_op(self, other)
        return _make(self._sign ^ other._sign, self._int * other._int, self._exp + other._exp)._fix()

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        sign = self._sign ^ other._sign
        if not other._int:
            if not self._int:
                raise InvalidOperation([DivisionUndefined])
            raise DivisionByZero([DivisionByZeroSignal])
        if not self._int:
            return _make(sign, 0, self._exp - other._exp)
        prec = _context.prec
        shift = len(str(other._int)) - len(str(self._int)) + prec + 1
        exp = self._exp - other._exp - shift
        if shift >= 0:
            coeff, remainder = divmod(self._int * 10 ** shift, other._int)
        else:
            coeff, remainder = divmod(self._int, other._int * 10 ** -shift)
        if remainder:
            if coeff % 5 == 0:
                coeff += 1
        else:
            ideal_exp = self._exp - other._exp
            while exp < ideal_exp and coeff % 10 == 0:
                coeff //= 10
                exp += 1
        return _make(sign, coeff, exp)._fix()

    def __rtruediv__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self)

    def _divmod(self, other):
        if not other._int:
            raise DivisionByZero("x // 0") if self._int else InvalidOperation([DivisionUndefined])
        sign = self._sign ^ other._sign
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = other._int * 10 ** (other._exp - exp)
        q, r = divmod(a, b)
        return _make(sign, q, 0), _make(self._sign, r, exp)._fix()

    def __floordiv__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return self._divmod(other)[0]

    def __rfloordiv__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return other._divmod(self)[0]

    def __mod__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return self._divmod(other)[1]

    def __rmod__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return other._divmod(self)[1]

    def __divmod__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        return self._divmod(other)

    def __pow__(self, other):
        other = self._coerce(other)
        if other is NotImplemented:
            return other
        n = int(other)
        if n != other:
            raise NotImplementedError("Retort does not support non-integral Decimal powers yet")
        if n >= 0:
            return _make(self._sign if n % 2 else 0, self._int ** n, self._exp * n)._fix()
        return Decimal(1) / (self ** -n)

    def sqrt(self, context=None):
        if self._sign and self._int:
            raise InvalidOperation([InvalidOperation])
        prec = _context.prec
        exp = self._exp
        coeff = self._int
        if exp % 2:
            coeff *= 10
            exp -= 1
        shift = max(0, prec * 2 - len(str(coeff)) + 2)
        if shift % 2:
            shift += 1
        coeff *= 10 ** shift
        exp -= shift
        from math import isqrt
        root = isqrt(coeff)
        exact = root * root == coeff
        res = _make(0, root, exp // 2)
        if exact:
            ideal = self._exp // 2
            while res._exp < ideal and res._int % 10 == 0:
                res = _make(0, res._int // 10, res._exp + 1)
        elif root % 5 == 0:
            res = _make(0, root + 1, exp // 2)
        return res._fix()

    def quantize(self, exp, rounding=None, context=None):
        exp = self._coerce(exp)
        rounding = rounding or _context.rounding
        target = exp._exp
        if self._special:
            return self
        if target > self._exp:
            coeff = _round_digits(self._sign, self._int, target - self._exp, rounding)
        else:
            coeff = self._int * 10 ** (self._exp - target)
        if len(str(coeff)) > _context.prec:
            raise InvalidOperation([InvalidOperation])
        return _make(self._sign, coeff, target)

    def to_integral_value(self, rounding=None, context=None):
        if self._exp >= 0 or self._special:
            return self
        return self.quantize(Decimal(1), rounding)

    to_integral = to_integral_value

    def normalize(self, context=None):
        if self._special:
            return self
        if not self._int:
            return _make(self._sign, 0, 0)
        c, e = self._int, self._exp
        while c % 10 == 0:
            c //= 10
            e += 1
        return _make(self._sign, c, e)._fix()

    def __round__(self, n=None):
        if n is None:
            v = self.quantize(Decimal(1), ROUND_HALF_EVEN)
            return int(v)
        return self.quantize(_make(0, 1, -n), ROUND_HALF_EVEN)

    def __floor__(self):
        return int(self.quantize(Decimal(1), ROUND_FLOOR))

    def __ceil__(self):
        return int(self.quantize(Decimal(1), ROUND_CEILING))

    # -- comparisons
    def _cmp(self, other):
        if isinstance(other, float):
            other = Decimal(other)
        other = self._coerce(other)
        if other is NotImplemented:
            return NotImplemented
        if self._special or other._special:
            a = float(self)
            b = float(other)
            return 0 if a == b else (1 if a > b else -1)
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = other._int * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        return 0 if a == b else (1 if a > b else -1)

    def __eq__(self, other):
        c = self._cmp(other)
        return c if c is NotImplemented else (c == 0 and not self.is_nan())

    def __lt__(self, other):
        c = self._cmp(other)
        return c if c is NotImplemented else c < 0

    def __le__(self, other):
        c = self._cmp(other)
        return c if c is NotImplemented else c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        return c if c is NotImplemented else c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        return c if c is NotImplemented else c >= 0

    def __hash__(self):
        if self._special:
            return hash(float(self))
        n, d = self.as_integer_ratio()
        if d == 1:
            return hash(n)
        return hash(float(self))

    def compare(self, other, context=None):
        return Decimal(self._cmp(other))

    def max(self, other, context=None):
        return self if self._cmp(other) >= 0 else self._coerce(other)

    def min(self, other, context=None):
        return self if self._cmp(other) <= 0 else self._coerce(other)

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _make(sign, coeff, exp, special=None):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coeff
    d._exp = exp
    d._special = special
    return d


def _special_op(a, b):
    if a._special == "n" or b._special == "n":
        return _make(0, 0, 0, "n")
    raise NotImplementedError("Retort does not support arithmetic on infinite Decimals yet")


class DecimalTuple(tuple):
    def __new__(cls, sign, digits, exponent):
        return tuple.__new__(cls, (sign, digits, exponent))

    sign = property(lambda self: self[0])
    digits = property(lambda self: self[1])
    exponent = property(lambda self: self[2])

    def __repr__(self):
        return "DecimalTuple(sign=%r, digits=%r, exponent=%r)" % tuple(self)


class ConversionSyntax(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class DivisionByZeroSignal(DivisionByZero):
    pass


Decimal.__module__ = "decimal"
