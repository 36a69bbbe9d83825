#!/usr/bin/env python3
"""Writes test/unit/pymath-python.json: Python's math.cos and float ** on the arguments learning-rate
schedules and optimizers use (cos(pi * t / T) for whole t and T, cos(pi * pct), beta ** step, fractional
powers), as Debian's python3 (glibc's libm) computes them; test/unit/pymath.test.ts checks src/engine/pymath.ts
against them. glibc's cos and pow are not correctly rounded in every case (about one argument in a thousand
is an ulp off), so each entry also holds the correctly rounded value, from mpmath at 300 bits: pymath must
give that one always, and so Python's wherever Python's is correctly rounded.

    /usr/bin/python3 test/unit/pymath-fixture.py > test/unit/pymath-python.json
"""

import json
import math
import sys

import mpmath

mpmath.mp.prec = 300

cos_args = [math.pi * t / T for T in range(1, 41) for t in range(0, 2 * T + 1)]
cos_args += [math.pi * k / 97 for k in range(97)] + [math.pi * t / 7.5 for t in range(30)]
pow_args = [(b, s) for b in (0.9, 0.99, 0.999, 0.95, 0.8, 0.5, 0.96, 2.0) for s in range(1, 301, 7)]
pow_args += [(0.96, s * 0.004) for s in range(1, 200, 3)]
pow_args += [(1 - t / 13, 1.7) for t in range(13)] + [(1 + 1e-4 * s, 0.75) for s in range(1, 200, 11)]

print(
    json.dumps(
        {
            "python": sys.version.split()[0],
            "cos": [[x, math.cos(x), float(mpmath.cos(mpmath.mpf(x)))] for x in cos_args],
            "pow": [[a, b, a**b, float(mpmath.mpf(a) ** mpmath.mpf(b))] for a, b in pow_args],
        }
    )
)
