# Properties with validation, read-only and computed attributes.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 0
except AttributeError as e:
    print("AttributeError")
print(t.celsius)

class Account:
    def __init__(self, owner):
        self.owner = owner
        self._history = []

    @property
    def balance(self):
        return sum(self._history)

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._history.append(amount)

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self._history.append(-amount)

acct = Account("ann")
acct.deposit(50)
acct.deposit(25)
acct.withdraw(30)
print(acct.owner, acct.balance, acct._history)
for op, amount in [(acct.withdraw, 100), (acct.deposit, -5)]:
    try:
        op(amount)
    except ValueError as e:
        print("ValueError:", e)
print(type(Account.balance).__name__, isinstance(Temperature.celsius, property))
