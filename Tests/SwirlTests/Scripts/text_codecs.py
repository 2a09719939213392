# str.encode and bytes.decode with codecs and error handlers.
print('naïve café'.encode('ascii', 'ignore'), 'é'.encode('latin-1'), 'é€'.encode('ascii', 'replace'), 'x'.encode(encoding='UTF-8'))
print('é€😀'.encode('ascii', 'backslashreplace'), 'é€'.encode('latin1', 'xmlcharrefreplace'), 'ü'.encode('utf_8'), 'ü'.encode())
for call in (lambda: 'é'.encode('ascii'), lambda: 'aé€b'.encode('ascii'), lambda: '€'.encode('latin-1'), lambda: 'é'.encode('nope'),
             lambda: b'\xff'.decode(), lambda: b'ab\xc3'.decode(), lambda: b'\xc3(' .decode(), lambda: b'\xff'.decode('ascii'),
             lambda: 'x'.encode('ascii', 'bogus'), lambda: 'x'.encode(5)):
    try:
        print(call())
    except (UnicodeError, LookupError, TypeError) as e:
        print(type(e).__name__, e)
print(b'caf\xe9'.decode('latin-1'), b'\xffab'.decode('utf-8', errors='ignore'), b'ab'.decode('ascii'), b'a\xffb'.decode('ascii', 'replace'))
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'caf\xe9', 'latin-1'), issubclass(UnicodeDecodeError, ValueError), 'ab'.encode().decode())
