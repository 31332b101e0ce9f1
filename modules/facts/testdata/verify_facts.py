#!/usr/bin/env python3
"""Check facts computed by the Go package against independent methods.

Reads JSON lines {"value": "...", "facts": {...}} from stdin. The value is
an integer "n", a fraction "p/q", or for an approximation the decimal text
with "approx": true. Prints one line per wrong fact and a count on stderr.

The methods differ from the Go code on purpose: Miller-Rabin instead of
Baillie-PSW, trial division for divisor sums, a downward scan over every
exponent for perfect powers, tables for Fibonacci numbers and factorials,
and long division for decimal periods.
"""

import json
import math
import sys
from fractions import Fraction

SMALL_PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71]

# Exponents p of the Mersenne primes 2^p - 1 up to 2^127 - 1. The even
# perfect numbers are 2^(p-1) (2^p - 1) for these p, and no odd perfect
# number is below 10^1500.
MERSENNE_EXPONENTS = [2, 3, 5, 7, 13, 17, 19, 31, 61, 89, 107, 127]
PERFECT_NUMBERS = {2 ** (p - 1) * (2 ** p - 1) for p in MERSENNE_EXPONENTS}
PERFECT_LIMIT = 2 ** 126 * (2 ** 127 - 1)

KNOWN_SKIPS = {"digits", "prime", "factorization", "perfect_power", "triangular",
               "fibonacci", "factorial", "perfect_number", "decimal", "repeating_period"}

# Long division is used for denominators up to this bound.
LONG_DIVISION_LIMIT = 2_000_000


def is_prime(n):
    """Miller-Rabin with the first 20 primes as bases. It is deterministic for
    every n below 2^64 and a probable-prime test above."""
    if n < 2:
        return False
    for p in SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in SMALL_PRIMES:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def iroot(n, k):
    """Floor of the k-th root of n >= 0, by bisection on the bit length."""
    if n < 2:
        return n
    lo, hi = 1, 1 << (n.bit_length() // k + 1)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid ** k <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo


def largest_power(n):
    """(b, k) with n = b^k and the largest k, for n >= 2."""
    for k in range(n.bit_length(), 1, -1):
        # A float root is within 1 of the true root only below about 2^50.
        r = iroot(n, k) if n.bit_length() > 50 * k else round(n ** (1.0 / k))
        for c in (r - 1, r, r + 1):
            if c >= 2 and c ** k == n:
                return c, k
    return n, 1


def sequence_table(first, step, limit):
    """Maps each term below limit to the list of its indexes."""
    table = {}
    index, term = 0, first
    while term <= limit:
        table.setdefault(term, []).append(index)
        index += 1
        term = step(index, term)
    return table


def fibonacci_table(limit):
    table = {}
    a, b, index = 0, 1, 0
    while a <= limit:
        table.setdefault(a, []).append(index)
        a, b, index = b, a + b, index + 1
    return table


def divisor_sum(n):
    total = 0
    d = 1
    while d * d <= n:
        if n % d == 0:
            total += d
            if d * d != n:
                total += n // d
        d += 1
    return total


def is_perfect(n):
    if n <= 10 ** 7:
        return n > 0 and divisor_sum(n) == 2 * n
    if n > PERFECT_LIMIT:
        return None
    return n in PERFECT_NUMBERS


def digital_root(n):
    while n >= 10:
        n = sum(int(c) for c in str(n))
    return n


class Checker:
    def __init__(self):
        self.errors = []
        self.limit = 10 ** 80
        self.fib = fibonacci_table(self.limit)
        self.fact = sequence_table(1, lambda k, prev: prev * k, self.limit)

    def expect(self, value, name, got, want):
        if got != want:
            self.errors.append(f"{value}: {name}: got {got!r}, want {want!r}")

    def check(self, record):
        value, facts = record["value"], record["facts"]
        for name in facts.get("skipped", []):
            if name not in KNOWN_SKIPS:
                self.errors.append(f"{value}: unknown skipped check {name!r}")
        if record.get("approx"):
            self.check_approximation(value, facts)
        elif "/" in value:
            self.check_fraction(value, Fraction(value), facts)
        else:
            self.check_integer(value, int(value), facts)

    def check_approximation(self, value, f):
        x = Fraction(value.strip().replace("\u2212", "-"))
        self.expect(value, "exact", f.get("exact", False), False)
        self.expect(value, "negative", f.get("negative", False), x < 0)
        digits = value.strip().lstrip("+-\u2212").split("e")[0].split("E")[0].replace(".", "")
        self.expect(value, "significant_digits", f.get("significant_digits", 0), len(digits.lstrip("0")))

    def check_integer(self, value, n, f):
        a = abs(n)
        skipped = set(f.get("skipped", []))
        for name, want in (("exact", True), ("integer", True), ("negative", n < 0),
                           ("zero", n == 0), ("even", n % 2 == 0)):
            self.expect(value, name, f.get(name, False), want)
        self.expect(value, "absolute_value", f.get("absolute_value", ""), str(a) if n < 0 else "")
        if "digits" not in skipped:
            self.check_digits(value, n, f)
        if "prime" not in skipped:
            self.check_prime(value, a, f)
        self.check_factorization(value, a, f, skipped)
        if "perfect_power" not in skipped:
            self.check_powers(value, a, f)
        if "triangular" not in skipped:
            k = (math.isqrt(8 * a + 1) - 1) // 2
            self.expect(value, "triangular", f.get("triangular", ""), str(k) if k * (k + 1) // 2 == a else "")
        if "fibonacci" not in skipped and a <= self.limit:
            self.expect(value, "fibonacci", f.get("fibonacci", []), self.fib.get(a, []))
        if "factorial" not in skipped and a <= self.limit:
            self.expect(value, "factorial", f.get("factorial", []), self.fact.get(a, []))
        if "perfect_number" not in skipped:
            want = is_perfect(a)
            if want is not None:
                self.expect(value, "perfect_number", f.get("perfect_number", False), want)

    def check_digits(self, value, n, f):
        text = str(abs(n))
        self.expect(value, "value", f.get("value"), str(n))
        self.expect(value, "digits", f.get("digits", 0), len(text))
        self.expect(value, "digit_sum", f.get("digit_sum", 0), sum(int(c) for c in text))
        self.expect(value, "digital_root", f.get("digital_root", 0), digital_root(abs(n)))
        self.expect(value, "palindrome", f.get("palindrome", False), text == text[::-1])

    def check_prime(self, value, a, f):
        p = f.get("prime")
        if p is None:
            self.errors.append(f"{value}: prime: missing")
            return
        prime = is_prime(a)
        self.expect(value, "prime.is_prime", p.get("is_prime", False), prime)
        self.expect(value, "prime.composite", p.get("composite", False), a > 1 and not prime)
        if a < 2 ** 64:
            self.expect(value, "prime.method", p.get("method"), "deterministic")
        want_mersenne = 0
        if prime and (a + 1) & a == 0:
            want_mersenne = a.bit_length()
        self.expect(value, "mersenne_exponent", f.get("mersenne_exponent", 0), want_mersenne)

    def check_factorization(self, value, a, f, skipped):
        fz = f.get("factorization")
        if fz is None:
            if a >= 2 and "factorization" not in skipped:
                self.errors.append(f"{value}: factorization: missing")
            return
        product, terms, previous = 1, [], 0
        for factor in fz.get("factors", []):
            q, e = int(factor["prime"]), factor["exp"]
            if not is_prime(q) or e < 1 or q <= previous:
                self.errors.append(f"{value}: factorization: bad factor {q}^{e}")
            previous = q
            product *= q ** e
            terms.append(f"{q}^{e}" if e > 1 else str(q))
        cofactor = fz.get("cofactor", "")
        self.expect(value, "factorization.partial", fz.get("partial", False), cofactor != "")
        if cofactor:
            c = int(cofactor)
            if c < 2 or is_prime(c):
                self.errors.append(f"{value}: factorization: cofactor {c} is not composite")
            product *= c
            terms.append(cofactor)
        self.expect(value, "factorization.product", product, a)
        self.expect(value, "factorization.text", fz.get("text"), " × ".join(terms))
        # A Mersenne prime proven by the Lucas-Lehmer test is not probable.
        proven = f.get("prime", {}).get("method") == "lucas-lehmer"
        probable = not proven and any(int(x["prime"]) >= 2 ** 64 for x in fz.get("factors", []))
        self.expect(value, "factorization.probable_primes", fz.get("probable_primes", False), probable)

    def check_powers(self, value, a, f):
        r2, r3 = math.isqrt(a), iroot(a, 3)
        square, cube = r2 * r2 == a, r3 ** 3 == a
        self.expect(value, "perfect_square", f.get("perfect_square", False), square)
        self.expect(value, "square_root", f.get("square_root", ""), str(r2) if square else "")
        self.expect(value, "perfect_cube", f.get("perfect_cube", False), cube)
        self.expect(value, "cube_root", f.get("cube_root", ""), str(r3) if cube else "")
        want = None
        if a >= 2:
            base, k = largest_power(a)
            if k > 1:
                want = {"base": str(base), "exponent": k}
        self.expect(value, "power_of", f.get("power_of"), want)

    def check_fraction(self, value, x, f):
        num, den = abs(x.numerator), x.denominator
        sign = "-" if x < 0 else ""
        for name, want in (("exact", True), ("integer", False), ("negative", x < 0),
                           ("zero", False), ("even", False)):
            self.expect(value, name, f.get(name, False), want)
        self.expect(value, "fraction", f.get("fraction"), f"{sign}{num}/{den}")
        self.expect(value, "integer_part", f.get("integer_part"), str(int(x)))
        skipped = set(f.get("skipped", []))
        rest = den
        for p in (2, 5):
            while rest % p == 0:
                rest //= p
        terminating = rest == 1
        self.expect(value, "terminating", f.get("terminating", False), terminating)
        if terminating:
            if "decimal" not in skipped:
                try:
                    self.expect(value, "value", Fraction(f.get("value", "")), x)
                except ValueError:
                    self.errors.append(f"{value}: value {f.get('value')!r} is not a decimal")
            return
        self.expect(value, "value", f.get("value"), f.get("fraction"))
        self.check_decimal(value, num, den, sign, f)
        if f.get("period_unknown"):
            if "repeating_period" not in skipped:
                self.errors.append(f"{value}: period_unknown without a skip")
            return
        if den <= LONG_DIVISION_LIMIT:
            self.check_long_division(value, num, den, f)
        else:
            self.check_order(value, rest, f.get("repeating_period", 0))

    def check_decimal(self, value, num, den, sign, f):
        decimal = f.get("decimal", "")
        if not decimal:
            return
        if not decimal.endswith("…"):
            self.errors.append(f"{value}: decimal {decimal!r} lacks the ellipsis")
        places = len(decimal.split(".")[1].rstrip("…"))
        scaled = str(num * 10 ** places // den).rjust(places + 1, "0")
        want = f"{sign}{scaled[:-places]}.{scaled[-places:]}…"
        self.expect(value, "decimal", decimal, want)

    def check_long_division(self, value, num, den, f):
        seen = {}
        remainder, position, digits = num % den, 0, []
        while remainder not in seen:
            seen[remainder] = position
            remainder *= 10
            digits.append(str(remainder // den))
            remainder %= den
            position += 1
        preperiod = seen[remainder]
        period = position - preperiod
        self.expect(value, "preperiod", f.get("preperiod", 0), preperiod)
        self.expect(value, "repeating_period", f.get("repeating_period", 0), period)
        repetend = "".join(digits[preperiod:]) if period <= 60 else ""
        self.expect(value, "repetend", f.get("repetend", ""), repetend)

    def check_order(self, value, rest, period):
        """Checks that period is the multiplicative order of 10 mod rest: 10^period = 1,
        and 10^(period/r) != 1 for each prime r dividing period."""
        if period <= 0 or pow(10, period, rest) != 1:
            self.errors.append(f"{value}: repeating_period {period} is not a multiple of the order")
            return
        if period > 10 ** 12:
            return
        m, r = period, 2
        while r * r <= m:
            if m % r == 0:
                if pow(10, period // r, rest) == 1:
                    self.errors.append(f"{value}: repeating_period {period} is not minimal")
                while m % r == 0:
                    m //= r
            r += 1
        if m > 1 and pow(10, period // m, rest) == 1:
            self.errors.append(f"{value}: repeating_period {period} is not minimal")


def main():
    checker = Checker()
    count = 0
    for line in sys.stdin:
        if line.strip():
            checker.check(json.loads(line))
            count += 1
    for error in checker.errors:
        print(error)
    print(f"checked {count} values, {len(checker.errors)} mismatches", file=sys.stderr)


if __name__ == "__main__":
    main()
