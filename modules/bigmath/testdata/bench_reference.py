"""Reference computations in pure python3 for bench_compare.sh.

Usage: python3 bench_reference.py NAME, where NAME is factorial, fib,
factor, pi or pow. The decimal text of the result goes to stdout and the
seconds spent computing it, including the int-to-str conversion, go to
stderr as "seconds=S".
"""

import math
import sys
import time

# Python 3.11 and later reject int-to-str conversions above 4300 digits.
sys.set_int_max_str_digits(0)

SEMIPRIME = 1073741796516192523
PI_DIGITS = 20000


def factorial_text():
    return str(math.factorial(200000))


def fib_pair(n):
    """Return (F(n), F(n+1)) by fast doubling."""
    if n == 0:
        return 0, 1
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n % 2 == 0:
        return c, d
    return d, c + d


def fib_text():
    return str(fib_pair(1000000)[0])


def rho(n, c):
    """Return a divisor > 1 of n by Brent's variant of Pollard rho."""
    y, q, g, r, batch = 2, 1, 1, 1, 128
    x = saved = y
    while g == 1:
        x = y
        for _ in range(r):
            y = (y * y + c) % n
        k = 0
        while k < r and g == 1:
            saved = y
            for _ in range(min(batch, r - k)):
                y = (y * y + c) % n
                q = q * abs(x - y) % n
            g = math.gcd(q, n)
            k += batch
        r *= 2
    if g == n:
        g = 1
        while g == 1:
            saved = (saved * saved + c) % n
            g = math.gcd(abs(x - saved), n)
    return g


def factor_text():
    n = SEMIPRIME
    c = 1
    d = rho(n, c)
    while d == n:
        c += 1
        d = rho(n, c)
    small, large = sorted((d, n // d))
    return f"{small} * {large}"


def chudnovsky(a, b):
    """Return P, Q, T of the Chudnovsky terms a <= k < b."""
    if b - a == 1:
        if a == 0:
            return 1, 1, 13591409
        p = (6 * a - 5) * (2 * a - 1) * (6 * a - 1)
        q = a * a * a * 10939058860032000
        t = p * (13591409 + 545140134 * a)
        return p, q, -t if a % 2 else t
    m = (a + b) // 2
    p1, q1, t1 = chudnovsky(a, m)
    p2, q2, t2 = chudnovsky(m, b)
    return p1 * p2, q1 * q2, q2 * t1 + p1 * t2


def pi_text():
    guard = 10
    scale = PI_DIGITS + guard
    _, q, t = chudnovsky(0, scale // 14 + 2)
    root = math.isqrt(10005 * 10 ** (2 * scale))
    digits = str(426880 * root * q // t // 10**guard)
    return digits[0] + "." + digits[1:]


def pow_text():
    return str(3**1000000)


COMPUTATIONS = {
    "factorial": factorial_text,
    "fib": fib_text,
    "factor": factor_text,
    "pi": pi_text,
    "pow": pow_text,
}


def main():
    compute = COMPUTATIONS[sys.argv[1]]
    start = time.perf_counter()
    text = compute()
    elapsed = time.perf_counter() - start
    sys.stdout.write(text + "\n")
    sys.stderr.write(f"seconds={elapsed:.6f}\n")


if __name__ == "__main__":
    main()
