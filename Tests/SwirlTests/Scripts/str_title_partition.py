# str.title() follows Python's cased-character rule; partition rejects an empty separator.
print("they're bill's 3rd-place friends".title(), "hello WORLD".title(), "ǆemal".title())
try:
    "abc".partition("")
except ValueError as e:
    print(e)
print("a-b-c".partition("-"), "a-b-c".rpartition("-"))
