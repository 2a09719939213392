# f-strings with conversions and format specs, str.format and format().
name, n, pi = "Ada", 1234567, 3.14159265
w = 12
print(f"{name}|{name!r}|{name:>8}|{name:<8}|{name:^9}|{name:*^9}")
print(f"{n:,}|{n:_}|{n:12,}|{n:>12}|{n:012}|{-n:+,}|{n:+}")
print(f"{pi:.2f}|{pi:10.3f}|{pi:<10.1f}|{pi:e}|{pi:.3e}|{pi:g}|{pi:.3}|{pi:{w}.{2}f}")
print(f"{255:b}|{255:o}|{255:x}|{255:X}|{255:#x}|{255:#010b}|{65:c}")
print(f"{0.256:.1%}|{1/3:.4}|{1e-7:g}|{123456789.0:.3g}|{2.5:.0f}|{3.5:.0f}")
print(f"{n = }|{pi=:.2f}|{name.upper()=}")
print(f"{'nested ' + name}|{[1, 2][-1]}|{ {'k': 1}['k'] }|{n if n > 5 else 0}")
print(f"{{braces}} {name}{{}}")
print("{} and {}".format("a", "b"), "{1}{0}".format("x", "y"), "{k}:{v:>4}".format(k="key", v=7))
print("{:,.2f}".format(1234567.891), "{0:.1f}/{0:.3f}".format(2.25), format(42, "08b"), format(3.5, "^9.2f"))
print(f"{-0.0:z.1f}|{-0.001:.1f}|{float('inf'):>6}|{float('nan'):f}")
print(f"{12.0}|{1e20}|{True}|{None}|{[1, 'a']}|{(1,)}")
items = [("apple", 1.5, 3), ("banana", 0.25, 12)]
for item, price, qty in items:
    print(f"{item:<10}{price:>8.2f}{qty:>5d}{price * qty:>10.2f}")
