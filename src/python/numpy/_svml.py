"""numpy 1.24's float64 exp and log as they run on x86-64 CPUs with AVX512_SKX (the machine our references come
from): numpy hands whole arrays, and scalars too, to Intel's SVML (`__svml_exp8`, `__svml_log8`), which is not
correctly rounded and differs from the C library in the last bit for about one argument in four or five. A sigmoid trained for a few
hundred steps in float64 (1 / (1 + np.exp(-z)), deeplearning.ai's logistic regression) drifts visibly from
the libm result in its printed repr, so np.exp follows SVML's steps here, one rounding at a time.

The algorithm (SVML's published AVX-512 source): N = x*log2(e) truncated toward zero to 4 fractional bits,
r = x - N*ln2 in two fused steps, exp(r) - 1 by a degree-6 polynomial evaluated with FMAs, times
T[j] = 2^(j/16) from a 16-entry table, scaled by 2^floor(N). Arguments with |x| >= 707.70 take SVML's scalar
"rare" path (near overflow, subnormal results), which is left to libm's exp here.

log: x = m * 2^e with m in [1, 2); rcp = 1/m rounded to a multiple of 1/32 (SVML takes it from the
hardware's 14-bit reciprocal, so an m whose 32/m lies within 2^-9 of a rounding midpoint may round the
other way there: about one argument in 50,000); R = rcp*m - 1 in one FMA; log(1 + R) by a degree-9
polynomial; plus -log(rcp) from a 16-entry table and e*ln2 (e + 1 when rcp < 0.75, whose table entries hold
-log(2 rcp)). Zero, negative and infinite arguments take SVML's rare path, left to numpy's slow path here.

tanh is numpy's own SIMD kernel (loops_hyperbolic, converted from SVML's tanh): |x| picks one of 16 intervals
from its exponent and first mantissa bit, y = |x| - B[interval], a degree-16 polynomial in y by FMA Horner
steps, the sign of x put back; |x| >= 2^1023, infinities and NaN go to libm's tanh.

sin and cos (`__svml_sin8`, `__svml_cos8`): N = x/pi rounded (sin: to nearest; cos: |x|/pi truncated, plus
one half), r = x - N*pi in three FMA steps with pi split in three, an odd degree-15 polynomial in r (r^2 taken
after the second step), the sign flipped for odd N; cos is 1.0 below 2^-27. Arguments beyond 2^24 (sin) or
about 2.6e7 (cos) need SVML's long reduction, left to libm here."""

import math
import struct


def _d(lo, hi):
    return struct.unpack('<d', struct.pack('<II', lo, hi))[0]


_LOG2E = _d(1697350398, 1073157447)
_LN2_HI = _d(4277811695, 1072049730)
_LN2_LO = _d(993624127, 1014676638)
_C6 = _d(4010615101, 1062678197)
_C5 = _d(64584704, 1065422950)
_C4 = _d(1270150640, 1067799894)
_C3 = _d(1421150370, 1069897045)
_C2 = _d(9762, 1071644672)
_RARE = _d(1287323204, 1082531232)
_T = [
    _d(lo, hi)
    for lo, hi in (
        (0, 1072693248),
        (1828292879, 1072739672),
        (1014845819, 1072788152),
        (1853186616, 1072838778),
        (171030293, 1072891646),
        (1276261410, 1072946854),
        (3577096743, 1073004506),
        (3712504873, 1073064711),
        (1719614413, 1073127582),
        (1944781191, 1073193236),
        (1110089947, 1073261797),
        (2191782032, 1073333393),
        (2572866477, 1073408159),
        (3716502172, 1073486235),
        (3707479175, 1073567768),
        (2728693978, 1073652911),
    )
]

_fma = getattr(math, 'fma', None)
if _fma is None:  # Python < 3.13 (the reference's own interpreter, when this file is checked there)
    from fractions import Fraction

    def _fma(a, b, c):
        return float(Fraction(a) * Fraction(b) + Fraction(c))


def exp(x, fma=_fma):
    """SVML's float64 exp of one Python float (math.exp's OverflowError kept for numpy's slow path)."""
    if not abs(x) < _RARE:  # also NaN and the infinities
        return math.exp(x)
    p = x * _LOG2E
    t = p * 16.0
    k = math.floor(t)
    # The product is rounded toward zero: when the rounded product lands on the grid, its error decides.
    if k == t and fma(x, _LOG2E, -p) < 0:
        k -= 1
    n = k / 16.0
    r = fma(-n, _LN2_HI, x)
    r = fma(-n, _LN2_LO, r)
    r2 = r * r
    p56 = fma(_C6, r, _C5)
    p34 = fma(_C4, r, _C3)
    r3 = r2 * r
    p12 = fma(_C2, r2, r)
    p36 = fma(p56, r2, p34)
    p16 = fma(p36, r3, p12)
    th = _T[k & 15]
    return math.ldexp(fma(p16, th, th), k >> 4)


_LOG_T = [
    _d(lo, hi)
    for lo, hi in (
        (0, 0),
        (3222364838, 3215919664),
        (1848308454, 3216910087),
        (1890030548, 3217424176),
        (3348797986, 3217854455),
        (2880153102, 3218171740),
        (3256639170, 3218366859),
        (4139503623, 3218553303),
        (288676754, 1070754146),
        (1823716217, 1070569756),
        (1015732707, 1070240749),
        (1800682930, 1069924160),
        (2183652476, 1069619086),
        (1566132617, 1069101918),
        (3047045639, 1068533144),
        (2313634884, 1067467101),
    )
]
_L9 = _d(815627376, 1069318605)
_L8 = _d(2123607906, 3217033013)
_L7 = _d(2632876527, 1069697314)
_L6 = _d(4213758726, 3217380691)
_L5 = _d(2580324188, 1070176665)
_L4 = _d(787901, 3218079744)
_L3 = _d(1431655526, 1070945621)
_L2 = _d(4294967238, 3219128319)


def log(x, fma=_fma):
    """SVML's float64 log of one Python float (math.log's ValueError kept for numpy's slow path)."""
    if not 0 < x < math.inf:
        return x if x != x else math.log(x)
    m, e = math.frexp(x)
    m *= 2.0
    k = round(32.0 / m)
    rcp = k / 32.0
    r = fma(rcp, m, -1.0)
    r2 = r * r
    r4 = r2 * r2
    hi = fma(r2, fma(_L9, r, _L8), fma(_L7, r, _L6))
    lo = fma(r2, fma(_L5, r, _L4), fma(_L3, r, _L2))
    poly = fma(r2, fma(r4, hi, lo), r)
    expon = float(e - 1) + (1.0 if k < 24 else 0.0)
    return fma(_LN2_HI, expon, _LOG_T[k - 16 if k < 32 else 0] + poly)


# One row per coefficient, 16 intervals each (numpy's lut16x18), as the bits of the doubles.
_TANH_ROWS = [
    [struct.unpack('<d', struct.pack('<Q', int(h, 16)))[0] for h in row.split()]
    for row in (
        # B, the interval centres
        '0 3fcc000000000000 3fd4000000000000 3fdc000000000000 3fe4000000000000 3fec000000000000 3ff4000000000000 3ffc000000000000 '
        '4004000000000000 400c000000000000 4014000000000000 401c000000000000 4024000000000000 402c000000000000 4034000000000000 0',
        # c0
        '0 3fcb8fd0416a7c92 3fd35f98a0ea650e 3fda5729ee488037 3fe1bf47eabb8f95 3fe686650b8c2015 3feb2523bb6b2dee 3fee1fbf97e33527 '
        '3fef9258260a71c2 3feff112c63a9077 3fefff419668df11 3feffffc832750f2 3feffffffdc96f35 3fefffffffffcf58 3ff0000000000000 3ff0000000000000',
        # c1
        '3ff0000000000000 3fee842ca3f08532 3fed11574af58f1b 3fea945b9c24e4f9 3fe6284c3374f815 3fe02500a09f8d6e 3fd1f25131e3a8c0 3fbd22ca1c24a139 '
        '3f9b3afe1fba5c76 3f6dd37d19b22b21 3f27ccec13a9ef96 3ecbe6c3f33250ae 3e41b4865394f75f 3d8853f01bda5f28 3c73953c0197ef58 0',
        # c2
        'bbf0b3ea3fdfaa19 bfca48aaeb53bc21 bfd19921f4329916 bfd5e0f09bef8011 bfd893b59c35c882 bfd6ba7cb7576538 bfce7291743d7555 bfbb6d85a01efb80 '
        'bf9addae58c7141a bf6dc59376c7aa19 bf27cc5e74677410 becbe6c0e8b4cc87 be41b486526b0565 bd8853f01bef63a4 bc73955be519be31 0',
        # c3
        'bfd5555555555555 bfd183afc292ba11 bfcc1a4b039c9bfa bfc16e1e6d8d0be6 bf92426c751e48a2 3fb4f152b2bad124 3fbbba40cbef72be 3fb01ba038be6a3d '
        '3f916df44871efc8 3f63c6869dfc8870 3f1fb9aef915d828 3ec299d1e27c6e11 3e379b5ddcca334c 3d8037f57bc62c9a 3c6a2d4b50a2cff7 0',
        # c4
        'bce6863ee44ed636 3fc04dcd0476c75e 3fc43d3449a80f08 3fc5c26f3699b7e7 3fc1a686f6ab2533 3faf203c316ce730 bf89c7a02788557c bf98157e26e0d541 '
        'bf807b55c1c7d278 bf53a18d5843190f bf0fb6bbc89b1a5b beb299c9c684a963 be279b5dd4fb3d01 bd7037f57ae72aa6 bc5a2ca2bba78e86 0',
        # c5
        '3fc1111111112ab5 3fb5c19efdfc08ad 3fa74c98dc34fbac bf790d6a8eff0a77 bfac3c021789a786 bfae2196b7326859 bf93a7a011ff8c2a 3f6e4709c7e8430e '
        '3f67682afa611151 3f3ef2ee77717cbf 3ef95a4482f180b7 3e9dc2c27da3b603 3e12e2afd9f7433e 3d59f320348679ba 3c44b61d9bbcc940 0',
        # c6
        'bda1ea19ddddb3b4 bfb0b8df995ce4df bfb2955cf41e8164 bfaf9d05c309f7c6 bf987d27ccff4291 3f8b2ca62572b098 3f8f1cf6c7f5b00a 3f60379811e43dd5 '
        'bf4793826f78537e bf2405695e36240f bee0e08de39ce756 be83d709ba5f714e bdf92e3fc5ee63e0 bd414cc030f2110e bc2ba022e8d82a87 0',
        # c7
        'bfaba1ba1990520b bf96e37bba52f6fc 3ecff7df18455399 3f97362834d33a4e 3f9e7f8380184b45 3f869543e7c420d4 bf7326bd4914222a bf5fc15b0a9d98fa '
        '3f14cffcfa69fbb6 3f057e48e5b79d10 3ec33b66d7d77264 3e66ac4e578b9b10 3ddcc74b8d3d5c42 3d23c589137f92b4 3c107f8e2c8707a1 0',
        # c8
        'be351ca7f096011f 3f9eaaf3320c3851 3f9cf823fe761fc1 3f9022271754ff1f bf731fe77c9c60af bf84a6046865ec7d bf4ca3f1f2b9192b 3f4c77dee0afd227 '
        '3f04055bce68597a bee2bf0cb4a71647 bea31eaafe73efd5 be46abb02c4368ed bdbcc749ca8079dd bd03c5883836b9d2 bbf07a5416264aec 0',
        # c9
        '3f9664f94e6ac14e bf94d3343bae39dd bf7bc748e60df843 bf8c89372b43ba85 bf8129a092de747a 3f60c85b4d538746 3f5be9392199ec18 bf2a0c68a4489f10 '
        'bf00462601dc2faa 3eb7b6a219dea9f4 3e80cbcc8d4c5c8a 3e2425bb231a5e29 3d9992a4beac8662 3ce191ba5ed3fb67 3bc892450bad44c4 0',
        # c10
        'bea8c4c1fd7852fe bfccce16b1046f13 bf81a16f224bb7b6 bf62cbf00406bc09 3f75b29bb02cf69b 3f607df0f9f90c17 bf4b852a6e0758d5 bf0078c63d1b8445 '
        '3eec12eadd55be7a be6fa600f593181b be5a3c935dce3f7d be001c6d95e3ae96 bd74755a00ea1fd3 bcbc1c6c063bb7ac bba3be9a4460fe00 0',
        # c11
        'bf822404577aa9dd 403d8b07f7a82aa3 bf9f44ab92fbab0a 3fb2eac604473d6a 3f45f87d903aaac8 bf5e104671036300 3f19bc98ddf0f340 3f0d4304bc9246e8 '
        'bed13c415f7b9d41 be722b8d9720cdb0 3e322666d739bec0 3dd76a553d7e7918 3d4de0fa59416a39 3c948716cf3681b4 3b873f9f2d2fda99 0',
        # c12
        'befdd99a221ed573 4070593a3735bab4 bfccab654e44835e 3fd13ed80037dbac bf6045b9076cc487 3f2085ee7e8ac170 3f23524622610430 beff12a6626911b4 '
        '3eab9008bca408af 3e634df71865f620 be05bb1bcf83ca73 bdaf2ac143fb6762 bd23eae52a3dbf57 bc6b5e3e9ca0955e bb5eca68e2c1ba2e 0',
        # c13
        '3f6e3be689423841 c0d263511f5baac1 40169f73b15ebe5c c025c1dd41cd6cb5 bf58fd89fe05e0d1 3f73f7af01d5af7a bf1e40bdead17e6b 3ee224cd6c4513e5 '
        'be24b645e68eeaa3 be4abfebfb72bc83 3dd51c38f8695ed3 3d8313ac38c6832b 3cf7787935626685 3c401ffc49c6bc29 babf0b21acfa52ab 0',
        # c14
        'bf2a1306713a4f3a c1045e509116b066 4041fab9250984ce c0458d090ec3de95 bf74949d60113d63 3f7c9fd6200d0ade 3f02cd40e0ad0a9f be858ab8e019f311 '
        'be792fa6323b7cf8 3e2df04d67876402 bd95c72be95e4d2c bd55a89c30203106 bccad6b3bb9eff65 bc12705ccd3dd884 ba8e0a4c47ae75f5 0',
        # c15
        'bf55d7e76dc56871 41528c38809c90c7 c076d57fb5190b02 4085f09f888f8ada 3fa246332a2fcba5 bfb29d851a896fcd 3ed9065ae369b212 beb8e1ba4c98a030 '
        '3e6ffd0766ad4016 be0c63c29f505f5b bd7fab216b9e0e49 3d2826b62056aa27 3ca313e31762f523 3bea37aa21895319 3ae5c7f1fd871496 0',
        # c16
        '3f35e67ab76a26e7 41848ee0627d8206 c0a216d618b489ec 40a5b89107c8af4f 3fb69d8374520eda bfbded519f981716 bef02d288b5b3371 3eb290981209c1a6 '
        'be567e924bf5ff6e 3de3f7f7de6b0eb6 3d69ed18bae3ebbc bcf7534c4f3dfa71 bc730b73f1eaff20 bbba2cff8135d462 bab5a71b5f7d9035 0',
    )
]


# The same table by interval: B, then c16 down to c0, in the order the Horner steps use them.
_TANH_BY_INTERVAL = [(_TANH_ROWS[0][i], *(_TANH_ROWS[c][i] for c in range(17, 0, -1))) for i in range(16)]
_TANH_CALLOUT = 1.5 * 2.0**1023  # exponent field 0x7fe with the first mantissa bit set, and beyond


def tanh(x, fma=_fma, frexp=math.frexp, table=_TANH_BY_INTERVAL):
    """numpy's float64 tanh of one Python float (unrolled: it runs once per element)."""
    ax = abs(x)
    if not ax < _TANH_CALLOUT:  # also the infinities and NaN
        return math.tanh(x)
    m, e = frexp(ax)
    if not m:
        return x  # the kernel's ±0 for ±0
    # The interval is the exponent and first mantissa bit, counted from 2^-3 and capped at 15.
    i = 2 * e + (m >= 0.75) + 4
    b, c16, c15, c14, c13, c12, c11, c10, c9, c8, c7, c6, c5, c4, c3, c2, c1, c0 = table[
        0 if i < 0 else 15 if i > 15 else i
    ]
    y = ax - b
    r = fma(fma(fma(fma(fma(c16, y, c15), y, c14), y, c13), y, c12), y, c11)
    r = fma(fma(fma(fma(fma(r, y, c10), y, c9), y, c8), y, c7), y, c6)
    r = fma(fma(fma(fma(fma(fma(r, y, c5), y, c4), y, c3), y, c2), y, c1), y, c0)
    return math.copysign(r, x)


_INV_PI = struct.unpack('<d', struct.pack('<Q', 0x3FD45F306DC9C883))[0]
_PI1, _PI2, _PI3, *_SIN_C = [
    struct.unpack('<d', struct.pack('<Q', h))[0]
    for h in (
        0x400921FB54442D18,
        0x3CA1A62633145C06,
        0x395C1CD129024E09,
        0xBFC55555555554A8,
        0x3F8111111110A573,
        0xBF2A01A019A659DD,
        0x3EC71DE3806ADD1A,
        0xBE5AE6355AAA4A53,
        0x3DE60E6BEE01D83E,
        0xBD69F1517E9F65F0,
    )
]
_COS_C = [
    struct.unpack('<d', struct.pack('<Q', h))[0]
    for h in (
        0xBFC55555555554A7,
        0x3F8111111110A4A8,
        0xBF2A01A019A5B87B,
        0x3EC71DE38030FEA0,
        0xBE5AE63546002231,
        0x3DE60E6857A2F220,
        0xBD69F0D60811AAC8,
    )
]


def _odd_poly(c, s2, r3, r, fma=_fma):
    """r + r^3 * (c1 + c2 s2 + ... + c7 s2^6), Horner steps from c7, as the kernel's FMAs."""
    c1, c2, c3, c4, c5, c6, c7 = c
    return fma(fma(fma(fma(fma(fma(fma(c7, s2, c6), s2, c5), s2, c4), s2, c3), s2, c2), s2, c1), r3, r)


def sin(x, fma=_fma):
    """SVML's float64 sin of one Python float."""
    if not abs(x) <= 16777216.0:  # long reduction, infinities, NaN
        return math.sin(x)
    if x == 0:
        return x
    p = x * _INV_PI
    n = round(p)
    if p - math.floor(p) == 0.5:  # the FMA rounds the exact product: its error breaks the tie
        e = fma(x, _INV_PI, -p)
        n = math.floor(p) + 1 if e > 0 else math.floor(p) if e < 0 else n
    fn = float(n)
    r = fma(-fn, _PI1, x)
    r = fma(-fn, _PI2, r)
    s2 = r * r
    r = fma(-fn, _PI3, r)
    res = _odd_poly(_SIN_C, s2, r * s2, r)
    return -res if n & 1 else res


def cos(x, fma=_fma):
    """SVML's float64 cos of one Python float (cos(x) = -sin(|x| - (k + 1/2) pi) for k = floor(|x|/pi))."""
    ax = abs(x)
    if ax < 7.450580596923828e-09:
        return 1.0
    p = ax * _INV_PI
    k = math.floor(p)  # NaN and infinities raise here, for numpy's slow path
    if k == p and fma(ax, _INV_PI, -p) < 0:  # truncated toward zero from the exact product
        k -= 1
    if k > 8388606:
        return math.cos(x)
    n = k + 0.5
    r = fma(n, _PI1, -ax)
    r = fma(n, _PI2, r)
    s2 = r * r
    r = fma(n, _PI3, r)
    if k & 1:
        r = -r
    return _odd_poly(_COS_C, s2, s2 * r, r)
