#!/usr/bin/env python3
"""Generates Tests/SwirlTests/FormattingCases.swift: (input, expected) cases for the
number and string formatting functions in Sources/Swirl/Text (float repr, format() of
float/int/str, %-formatting, round(), float(str)), with CPython 3.11 as the oracle.
Each case is one JSON array per line, [kind, inputs..., expected...], inside a raw Swift
string literal; Tests/SwirlTests/FormattingTests.swift decodes and replays them.

The full set (about 27,000 cases, 2 MB) is generated from a fixed random seed, so it is
the same on every run. The checked-in file is a reduced, deterministic subsample: every
Nth case of each kind, keeping every case of the small kinds named by --keep.

Regenerate the checked-in file (run from the repository root, with CPython 3.11):

    python3 scripts/gen_format_cases.py Tests/SwirlTests/FormattingCases.swift --every 9

and, if the counts change a lot, adjust the minimum counts in FormattingTests.swift.
Pass --every 1 for the full set (for a local, exhaustive run; too big to check in).
"""
import argparse, json, math, random, struct, sys

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument('output', help='the Swift file to write')
parser.add_argument('--every', type=int, default=9, metavar='N',
                    help='keep every Nth case of each kind (default 9; 1 keeps everything)')
parser.add_argument('--keep', default='fs,parse', metavar='KINDS',
                    help='comma-separated kinds kept whole (default: fs,parse)')
args = parser.parse_args()
if args.every < 1:
    parser.error('--every must be at least 1')

assert sys.version_info[:2] == (3, 11), sys.version
rnd = random.Random(20240611)
cases = []

def bits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]

def outcome(f):
    try:
        return ['ok', f()]
    except (ValueError, OverflowError) as e:
        return [type(e).__name__, str(e)]

def rand_double():
    k = rnd.random()
    if k < 0.3:
        return struct.unpack('<d', struct.pack('<Q', rnd.getrandbits(64)))[0]
    if k < 0.6:
        return rnd.uniform(-1, 1) * 10 ** rnd.randint(-30, 30)
    if k < 0.8:
        return round(rnd.uniform(-1e6, 1e6), rnd.randint(0, 6))
    return float(rnd.randint(-10**6, 10**6)) / rnd.choice([1, 2, 4, 8, 10, 100, 1000, 3])

special = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 2.675, 0.125, 0.375, 1e16, 1e15, 9999999999999998.0,
           1e-5, 1e-4, 0.0001, 0.00012345, 123456789012345.0, 1234567890123456.0, 1.2345678901234567e19,
           1e300, -1e300, 1e308, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 1e22, 1e23,
           math.inf, -math.inf, math.nan, 1234.5, 9.999999, 9.9999999, 0.5, 1.5, 2.5, -2.5, 0.05, 0.15,
           -1234567.891, 100.0, 1e100, 123.456, 2.0**53, 2**53 + 2.0, 2.0**63, 2.0**64, 0.1 + 0.2, 1/3, 2/3,
           math.pi, math.e, -math.pi * 1e10, 12345.678, 999999.5, 0.9999995, 99.995, 1e-7, 1.5e-10, 3e-310]

# repr
reprs = list(special)
for e in range(-1074, 1024, 7):
    reprs.append(2.0 ** e)
for e in range(-30, 30):
    reprs.append(10.0 ** e)
    reprs.append(float('1e%d' % e))
    reprs.append(float('9.5e%d' % e))
for _ in range(1500):
    reprs.append(rand_double())
for x in reprs:
    cases.append(['repr', bits(x), repr(x)])

# format float
def rand_spec(types, allow_z=True, allow_prec=True, maxw=25):
    s = ''
    r = rnd.random()
    if r < 0.2:
        s += rnd.choice('<>=^')
    elif r < 0.35:
        s += rnd.choice(['*', 'x', '0', ' ', '\u00e9', '\U0001F600', '_', ',']) + rnd.choice('<>=^')
    if rnd.random() < 0.3:
        s += rnd.choice('+- ')
    if allow_z and rnd.random() < 0.1:
        s += 'z'
    if rnd.random() < 0.15:
        s += '#'
    if rnd.random() < 0.2:
        s += '0'
    if rnd.random() < 0.5:
        s += str(rnd.randint(0, maxw))
    if rnd.random() < 0.25:
        s += rnd.choice(',_')
    if allow_prec and rnd.random() < 0.5:
        s += '.' + str(rnd.choice([0, 0, 1, 2, 3, 4, 5, 6, 10, 17, 20, rnd.randint(0, 40)]))
    if rnd.random() < 0.9:
        s += rnd.choice(types)
    return s

ftypes = ['e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '', '', 'd', 'x', 's']
fixed_float_specs = ['', '.2f', '10', '.3', '.0f', '.0e', '#.0f', '#.0e', '#g', '#.3g', 'g', '.17g', '.20f', 'f',
                     'e', '%', '.1%', ',', '_', ',.2f', '015,.2f', '010', '+', ' ', '-', 'z', 'z.2f', 'z.0f',
                     '^12.3e', '*<12', '=+12.4', '012.4', '.4', '.5', '.16', '.17', '#', '#.0', 'n', '.3n',
                     'E', 'G', 'F', '.100f', '.40e', '0=10', '>010', '<010', '^010', '_.3f', ',g', ',e']
float_vals = list(special)
for _ in range(120):
    float_vals.append(rand_double())
for x in special:
    for spec in fixed_float_specs:
        cases.append(['ff', bits(x), spec] + outcome(lambda: format(x, spec)))
for _ in range(2500):
    x = rnd.choice(float_vals)
    spec = rand_spec(ftypes)
    cases.append(['ff', bits(x), spec] + outcome(lambda: format(x, spec)))
# Correct rounding at many precisions
for _ in range(600):
    x = rand_double()
    spec = '.%d%s' % (rnd.randint(0, 25), rnd.choice('efg'))
    cases.append(['ff', bits(x), spec] + outcome(lambda: format(x, spec)))
for x in [1e300, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 0.1]:
    for spec in ['f', '.1074f', '.1100e', '.800g', '#.800g', '.330f']:
        cases.append(['ff', bits(x), spec] + outcome(lambda: format(x, spec)))

# format int
ints = [0, 1, -1, 7, -7, 10, 255, -255, 1000, 1234, -1234, 65, 97, 0x1F600, 0x10FFFF, 0x110000,
        12345678, -98765432, 2**31, 2**63 - 1, -2**63, 2**63, 2**64, -2**64, 10**20, -(10**30) + 7,
        2**100, 3**200, -(7**150), 10**308, 2**1024, 2**1024 - 2**970, 2**1024 - 2**971 - 1,
        2**53 + 1, 2**54 + 3, -(2**60 + 2**7 + 1)]
for _ in range(80):
    ints.append(rnd.randint(-10**rnd.randint(1, 40), 10**rnd.randint(1, 40)))
itypes = ['b', 'c', 'd', 'o', 'x', 'X', 'n', '', '', 'e', 'E', 'f', 'g', 'G', '%', 's', 'q', 'F']
fixed_int_specs = ['', 'd', 'x', 'X', '#x', '#X', '#o', '#b', 'b', 'o', ',', '_', '_x', '_b', '_o', '#_X',
                   '010', '010,', '08,', '09,', '+', ' ', '-', '+010', '#010x', '=10', '^10', '<10',
                   '*^11,', 'c', '>5c', '05c', '+c', '#c', '.2', 'z', 'e', '.3e', 'f', ',.2f', '%', 'g',
                   'n', ',n', '_n', ',x', ',c', '99', '0=+12_', '#0=+14_b', 'x<010X']
for x in ints:
    for spec in fixed_int_specs:
        cases.append(['fi', str(x), spec] + outcome(lambda: format(x, spec)))
for _ in range(2000):
    x = rnd.choice(ints)
    spec = rand_spec(itypes, allow_prec=rnd.random() < 0.2)
    cases.append(['fi', str(x), spec] + outcome(lambda: format(x, spec)))

# format str
strs = ['', 'a', 'abc', 'hello world', 'caf\u00e9', 'e\u0301', '\U0001F600x', '\u4e2d\u6587', 'x' * 30]
fixed_str_specs = ['', 's', '10', '<10', '>10', '^10', '^11', '*^9', '.2', '10.2', '.0', '05', '<05', '=5',
                   '+', ' ', '-', '#', 'z', ',', '_', 'd', 'x', ',s', 'é>8', '\U0001F600^7.1', '0>6']
for s in strs:
    for spec in fixed_str_specs:
        cases.append(['fs', s, spec] + outcome(lambda: format(s, spec)))
for _ in range(400):
    s = rnd.choice(strs)
    spec = rand_spec(['s', '', '', 'd'], allow_z=False)
    cases.append(['fs', s, spec] + outcome(lambda: format(s, spec)))

# percent
def pct(flags, width, prec, t):
    f = '%' + flags
    if width is not None:
        f += str(width)
    if prec is not None:
        f += '.' + str(prec)
    return f + t

def rand_flags():
    return ''.join(rnd.sample('-+ 0#', rnd.randint(0, 3)))

for _ in range(1200):
    x = rnd.choice(float_vals)
    flags = rand_flags()
    width = rnd.choice([None, None, rnd.randint(0, 20)])
    prec = rnd.choice([None, rnd.randint(0, 20)])
    t = rnd.choice('eEfFgG')
    cases.append(['pf', bits(x), flags, '' if width is None else str(width), '' if prec is None else str(prec), t,
                  pct(flags, width, prec, t) % x])
for _ in range(1200):
    x = rnd.choice(ints)
    flags = rand_flags()
    width = rnd.choice([None, None, rnd.randint(0, 20)])
    prec = rnd.choice([None, None, rnd.randint(0, 20)])
    t = rnd.choice('diuoxX')
    cases.append(['pi', str(x), flags, '' if width is None else str(width), '' if prec is None else str(prec), t,
                  pct(flags, width, prec, t) % x])

# round
round_vals = list(special) + [2.675, 1.005, 0.285, 1.0049999999999999, 5e-324, 1.7976931348623157e308,
                              12345.6789, -0.5, 0.5, 1.5, 2.5, 25.0, 35.0, 150.0, 250.0, -250.0, 4.0, -4.0]
for _ in range(400):
    round_vals.append(rand_double())
for x in round_vals:
    for nd in [0, 1, 2, 3, rnd.randint(-10, 20), -1, -2, -5, -308, -309, 308, 323, 324, 400, -400]:
        r = outcome(lambda: round(x, nd))
        if r[0] == 'ok':
            r[1] = bits(r[1])
        cases.append(['round', bits(x), str(nd)] + r)

# float(str)
parse_strs = ['1', '1.5', ' 1.5 ', '\t-2.5e3\n', '.5', '5.', '.', '', ' ', 'e5', '1e', '1e+', '1e5', '1E-5',
              '+1', '-0', '-0.0', '1_000', '1__000', '_1', '1_', '1_.5', '1._5', '1.5_5', '1e1_0', '1_e5',
              'inf', '-inf', '+inf', 'Infinity', '-INFINITY', 'iNf', 'infinit', 'nan', '-nan', 'NaN', '+nan',
              'nan1', 'in f', '0x10', '1.2.3', '1e5.5', '1e400', '-1e400', '1e-400', '4.9e-324', '2.5e-324',
              '\u0661\u0662', '\uff11\uff12.5', '\u00a01.5\u2003', '1,5', '1 5', '++1', '+-1', '0.1', 
              '123456789012345678901234567890', '0.30000000000000004', '1.7976931348623157e308',
              '1.7976931348623158e308', '1.7976931348623159e308', '2.2250738585072011e-308', '00012', '1e0001',
              '\x1c1.5\x1f', '1.5\x00', '\u200b1', 'infinity ', ' nan ', '-.5e-3', '_', '1.__5', 'i_nf']
for _ in range(150):
    x = rand_double()
    parse_strs.append(repr(x))
    parse_strs.append('%.25e' % x)
for s in parse_strs:
    try:
        v = float(s)
        cases.append(['parse', s, bits(v)])
    except ValueError:
        cases.append(['parse', s, 'none'])

# Deterministic reduction: the i-th case of each kind is kept when i % every == 0.
kept_whole = set(k for k in args.keep.split(',') if k)
seen = {}
selected = []
for c in cases:
    i = seen.get(c[0], 0)
    seen[c[0]] = i + 1
    if c[0] in kept_whole or i % args.every == 0:
        selected.append(c)

lines = [json.dumps(c, ensure_ascii=True) for c in selected]
assert not any('"""#' in l for l in lines)
command = 'scripts/gen_format_cases.py %s --every %d' % (args.output, args.every)
if args.keep != 'fs,parse':
    command += ' --keep %s' % args.keep
out = ['// FormattingCases.swift',
       '// Cases for FormattingTests.swift: inputs with the results CPython %s gives for them.' % sys.version.split()[0],
       '// Generated by `python3 %s`; do not edit by hand.' % command,
       '// One JSON array per line: [kind, inputs..., expected...].',
       '',
       'let formattingCases = #"""']
out += lines
out += ['"""#', '']
with open(args.output, 'w') as f:
    f.write('\n'.join(out))
print('%d of %d cases written to %s' % (len(selected), len(cases), args.output))
