# str and bytes seeds give CPython's streams (version-2 seeding: bytes + SHA-512 digest).
import random
for s in ["hello", "", "x" * 200, "héllo ✓", b"ab", b"\x00\x00"]:
    random.seed(s); print(repr(s)[:20], random.random(), random.randint(1, 6))
r = random.Random("abc"); print(r.random())
