# None's operator methods, called directly.
print(None.__bool__())
print(None.__eq__(None), None.__ne__(1), None.__eq__(1))
print(hasattr(None, "__bool__"), hasattr(None, "__eq__"))
print(type(None).__bool__(None))
