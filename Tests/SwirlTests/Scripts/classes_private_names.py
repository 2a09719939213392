# Private names: __x inside a class is stored and read as _Class__x (CPython's mangling).
class Account:
    __fee = 2
    def __init__(self, owner):
        self.owner = owner
        self.__balance = 100
    def __apply(self, n):
        self.__balance -= n + Account.__fee
        return self.__balance
    def withdraw(self, n):
        return self.__apply(n)
    def peek(self):
        return getattr(self, '__balance', 'plain name not mangled')
class Savings(Account):
    def __init__(self):
        super().__init__("s")
        self.__balance = 5
    def both(self):
        return self.__balance, self._Account__balance
a = Account("ann")
print(a.withdraw(10), a._Account__balance, sorted(vars(a)), a.peek())
try:
    print(a.__balance)
except AttributeError as e:
    print(e)
try:
    a.__apply(1)
except AttributeError as e:
    print(e)
print(Savings().both(), '_Account__fee' in Account.__dict__, hasattr(Account, '__fee'))
class __Dunder__:
    def __init__(self): self.__x = 1
print(vars(__Dunder__()))
class _Under:
    def __init__(self): self.__x = 1
print(vars(_Under()))
