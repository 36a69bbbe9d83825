"""numpy's float printing: a port of the Dragon4 digit generator and its positional/scientific formatting
(numpy/core/src/multiarray/dragon4.c, numpy 1.24, BSD licence) using Python's big integers, so that every
digit, rounding and padding decision is numpy's, for float64, float32 and float16 values."""

import math
import struct

_LOG10_2 = 0.30102999566398119521373889472449
_BUFFER = 16384
_TRIMS = {'k': 'none', '.': 'zeros', '0': 'one_zero', '-': 'dpt_zeros'}


def decompose(v, bits):
    """(negative, special, mantissa, exponent, mantissa_bit, unequal_margins) of a float stored in `bits`."""
    if bits == 64:
        raw = struct.unpack('<Q', struct.pack('<d', v))[0]
        neg, e, f = raw >> 63, (raw >> 52) & 0x7FF, raw & ((1 << 52) - 1)
        emax, mbits, bias = 0x7FF, 52, 1075
    elif bits == 32:
        raw = struct.unpack('<I', struct.pack('<f', v))[0]
        neg, e, f = raw >> 31, (raw >> 23) & 0xFF, raw & ((1 << 23) - 1)
        emax, mbits, bias = 0xFF, 23, 150
    else:
        raw = struct.unpack('<H', struct.pack('<e', v))[0]
        neg, e, f = raw >> 15, (raw >> 10) & 0x1F, raw & ((1 << 10) - 1)
        emax, mbits, bias = 0x1F, 10, 25
    if e == emax:
        return bool(neg), ('inf' if f == 0 else 'nan'), 0, 0, 0, False
    if e != 0:
        return bool(neg), None, f | (1 << mbits), e - bias, mbits, e != 1 and f == 0
    return bool(neg), None, f, 1 - bias, max(f.bit_length() - 1, 0), False


def _shortest(v):
    """(digits, exponent of the first digit) of repr(v): for float64, Python's shortest round-trip digits,
    which are Dragon4's unique digits."""
    text = repr(abs(v))
    mant, _, exp = text.partition('e')
    whole, _, frac = mant.partition('.')
    digits = (whole + frac).lstrip('0')
    lead = len(whole) - 1 + (int(exp) if exp else 0)
    if whole == '0' or not whole.strip('0'):
        lead = -(len(frac) - len(frac.lstrip('0'))) - 1 + (int(exp) if exp else 0)
    return digits.rstrip('0') or '0', lead


def _rounded(text):
    """(digits, exponent of the first digit) of a '%f'/'%e' text, zeros stripped ('0' and 0 for zero)."""
    mant, _, exp = text.partition('e')
    whole, _, frac = mant.partition('.')
    raw = whole + frac
    digits = raw.lstrip('0')
    if not digits.strip('0'):
        return '0', 0
    lead = len(whole) - 1 - (len(raw) - len(digits)) + (int(exp) if exp else 0)
    return digits.rstrip('0'), lead


def fast_digits(v, unique, total_length, cutoff_max, cutoff_min, zeros_ok):
    """Dragon4's digits for a float64 without its big-integer loop, or None where only Dragon4 will do:
    repr() gives its unique digits; where the precision cuts them, Dragon4 rounds the exact value (half to
    even), as '%.*f' / '%.*e' do. `zeros_ok`: the caller's trimming makes trailing zeros irrelevant."""
    if not unique or v == 0:
        return None
    digits, pexp = _shortest(v)
    n = len(digits)
    if total_length:
        if cutoff_min >= 0 and n < cutoff_min:
            return None
        if cutoff_max >= 0 and n > cutoff_max:
            return _rounded('%.*e' % (cutoff_max - 1, abs(v))) if zeros_ok and cutoff_max >= 1 else None
        return digits, pexp
    last = pexp - n + 1
    if cutoff_min >= 0 and last > -cutoff_min:
        return None
    if cutoff_max >= 0 and last < -cutoff_max:
        return _rounded('%.*f' % (cutoff_max, abs(v))) if zeros_ok else None
    return digits, pexp


def _scaled(mantissa, exponent, mantissa_bit, unequal, total_length, cutoff_max):
    """Dragon4's set-up: value, scale and margins as big integers, value / scale in [0.1, 1) times 10,
    and the exponent of the first digit (numpy's estimate, corrected)."""
    if unequal:
        if exponent > 0:
            value, scale, m_low = mantissa << (exponent + 2), 4, 1 << exponent
        else:
            value, scale, m_low = mantissa << 2, 1 << (-exponent + 2), 1
    else:
        if exponent > 0:
            value, scale, m_low = mantissa << (exponent + 1), 2, 1 << exponent
        else:
            value, scale, m_low = mantissa << 1, 1 << (-exponent + 1), 1
    digit_exp = int(math.ceil(float(mantissa_bit + exponent) * _LOG10_2 - 0.69))
    if cutoff_max >= 0 and not total_length and digit_exp <= -cutoff_max:
        digit_exp = -cutoff_max + 1
    if digit_exp > 0:
        scale *= 10**digit_exp
    elif digit_exp < 0:
        p = 10 ** (-digit_exp)
        value *= p
        m_low *= p
    if value >= scale:
        digit_exp += 1
    else:
        value *= 10
        m_low *= 10
    return value, scale, m_low, digit_exp


def _cutoffs(digit_exp, total_length, cutoff_max, cutoff_min):
    cutoff_max_exp = digit_exp - _BUFFER
    if cutoff_max >= 0:
        desired = digit_exp - cutoff_max if total_length else -cutoff_max
        if desired > cutoff_max_exp:
            cutoff_max_exp = desired
    cutoff_min_exp = digit_exp
    if cutoff_min >= 0:
        desired = digit_exp - cutoff_min if total_length else -cutoff_min
        if desired < cutoff_min_exp:
            cutoff_min_exp = desired
    return cutoff_max_exp, cutoff_min_exp


def dragon4(mantissa, exponent, mantissa_bit, unequal, unique, total_length, cutoff_max, cutoff_min):
    """The digits (a string) and the exponent of the first digit, as numpy's Dragon4 makes them."""
    if mantissa == 0:
        return '0', 0
    value, scale, m_low, digit_exp = _scaled(mantissa, exponent, mantissa_bit, unequal, total_length, cutoff_max)
    m_high = 2 * m_low if unequal else m_low
    cutoff_max_exp, cutoff_min_exp = _cutoffs(digit_exp, total_length, cutoff_max, cutoff_min)
    out_exp = digit_exp - 1
    even = mantissa % 2 == 0
    digits = []
    low = high = False
    if unique:
        while True:
            digit_exp -= 1
            d, value = divmod(value, scale)
            low = value <= m_low if even else value < m_low
            high = value + m_high >= scale if even else value + m_high > scale
            if ((low or high) and digit_exp <= cutoff_min_exp) or digit_exp == cutoff_max_exp:
                break
            digits.append(d)
            value *= 10
            m_low *= 10
            m_high = 2 * m_low if unequal else m_low
    else:
        while True:
            digit_exp -= 1
            d, value = divmod(value, scale)
            if value == 0 or digit_exp == cutoff_max_exp:
                break
            digits.append(d)
            value *= 10
    round_down = low
    if low == high:
        compare = 2 * value - scale
        round_down = compare < 0
        if compare == 0:
            round_down = (d & 1) == 0
    if round_down:
        digits.append(d)
    elif d == 9:
        while True:
            if not digits:
                digits = [1]
                out_exp += 1
                break
            last = digits.pop()
            if last != 9:
                digits.append(last + 1)
                break
    else:
        digits.append(d + 1)
    return ''.join(map(str, digits)), out_exp


def _special(kind, neg, sign):
    if kind == 'nan':
        return 'nan'
    return ('-' if neg else '+' if sign else '') + 'inf'


def _none(x):
    return -1 if x is None else x


def format_positional(
    v,
    bits=64,
    precision=None,
    unique=True,
    fractional=True,
    trim='k',
    sign=False,
    pad_left=None,
    pad_right=None,
    min_digits=None,
):
    neg, special, mant, expo, mbit, unequal = decompose(v, bits)
    if special:
        return _special(special, neg, sign)
    precision, min_digits, pad_left, pad_right = _none(precision), _none(min_digits), _none(pad_left), _none(pad_right)
    trim = _TRIMS[trim]
    signchar = '-' if neg else '+' if sign else ''
    zeros_ok = trim != 'none' or (min_digits >= precision >= 0)
    fast = fast_digits(v, unique, not fractional, precision, min_digits, zeros_ok) if bits == 64 else None
    digits, pexp = fast or dragon4(mant, expo, mbit, unequal, unique, not fractional, precision, min_digits)
    n = len(digits)
    if pexp >= 0:
        whole = pexp + 1
        if n <= whole:
            s, nfrac = digits + '0' * (whole - n), 0
        else:
            s, nfrac = digits[:whole] + '.' + digits[whole:], n - whole
    else:
        zeros = -(pexp + 1)
        s, nfrac, whole = '0.' + '0' * zeros + digits, zeros + n, 1
    if trim != 'dpt_zeros' and nfrac == 0:
        s += '.'
    add = min_digits if unique else precision
    desired = add if add >= 0 else 0
    if not fractional:
        desired = add - whole
    if trim == 'one_zero':
        if nfrac == 0:
            s += '0'
            nfrac += 1
    elif trim == 'none' and desired > nfrac:
        s += '0' * (desired - nfrac)
        nfrac = desired
    if trim != 'none' and nfrac > 0:
        while s[-1] == '0':
            s = s[:-1]
            nfrac -= 1
        if s[-1] == '.':
            if trim == 'one_zero':
                s += '0'
                nfrac += 1
            elif trim == 'dpt_zeros':
                s = s[:-1]
    if pad_right >= nfrac:
        if trim == 'dpt_zeros' and nfrac == 0:
            s += ' '
        s += ' ' * (pad_right - nfrac)
    s = signchar + s
    if pad_left > whole + len(signchar):
        s = ' ' * (pad_left - whole - len(signchar)) + s
    return s


def format_scientific(
    v, bits=64, precision=None, unique=True, trim='k', sign=False, pad_left=None, exp_digits=None, min_digits=None
):
    neg, special, mant, expo, mbit, unequal = decompose(v, bits)
    if special:
        return _special(special, neg, sign)
    precision, min_digits, pad_left, exp_digits = (
        _none(precision),
        _none(min_digits),
        _none(pad_left),
        _none(exp_digits),
    )
    trim = _TRIMS[trim]
    signchar = '-' if neg else '+' if sign else ''
    lead = ' ' * max(0, pad_left - (1 + len(signchar)))
    cut_max = precision + 1 if precision >= 0 else -1
    cut_min = min_digits + 1 if min_digits >= 0 else -1
    zeros_ok = trim != 'none' or (cut_min >= cut_max >= 0)
    fast = fast_digits(v, unique, True, cut_max, cut_min, zeros_ok) if bits == 64 else None
    digits, pexp = fast or dragon4(mant, expo, mbit, unequal, unique, True, cut_max, cut_min)
    s = digits[0]
    nfrac = len(digits) - 1
    if nfrac > 0:
        s += '.' + digits[1:]
    if trim != 'dpt_zeros' and nfrac == 0:
        s += '.'
    add = min_digits if unique else precision
    add = add if add >= 0 else 0
    if trim == 'one_zero':
        if nfrac == 0:
            s += '0'
            nfrac += 1
    elif trim == 'none' and add > nfrac:
        s += '0' * (add - nfrac)
        nfrac = add
    if trim != 'none' and nfrac > 0:
        s = s.rstrip('0')
        if trim == 'one_zero' and s[-1] == '.':
            s += '0'
    if exp_digits > 5:
        exp_digits = 5
    if exp_digits < 0:
        exp_digits = 2
    e = abs(pexp)
    edigits = str(e).rjust(exp_digits, '0')
    return lead + signchar + s + 'e' + ('+' if pexp >= 0 else '-') + edigits


def scalar_repr(v, bits):
    """repr/str of a numpy float scalar (1.24): positional for 1e-4 <= |x| < 1e16, else scientific."""
    if v != v or v == 0 or (1e-4 <= abs(v) < 1e16):
        return format_positional(v, bits, trim='0')
    return format_scientific(v, bits, trim='-')
