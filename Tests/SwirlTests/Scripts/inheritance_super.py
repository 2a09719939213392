# Inheritance, method overriding, super() and the method resolution order.
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def describe(self):
        return f"{type(self).__name__}({self.name})"

class Dog(Animal):
    sound = "woof"

    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks

    def speak(self):
        return super().speak() + "!"

class Puppy(Dog):
    def speak(self):
        return super().speak().upper()

animals = [Animal("generic"), Dog("rex", ["sit"]), Puppy("bit", [])]
for a in animals:
    print(a.speak(), a.describe())
print(isinstance(animals[2], Animal), issubclass(Puppy, Dog), issubclass(Animal, Dog))
print([c.__name__ for c in Puppy.__mro__])

class A:
    def who(self):
        return ["A"]

class B(A):
    def who(self):
        return ["B"] + super().who()

# Multiple inheritance is outside Swirl's subset (SPEC.md), so the chain is linear.
class C(B):
    def who(self):
        return ["C"] + super().who()

class D(C):
    def who(self):
        return ["D"] + super().who()

print(D().who(), [k.__name__ for k in D.__mro__])

class Base:
    def __init__(self):
        self.log = ["Base"]

    def template(self):
        return self.step()

    def step(self):
        return "base step"

class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Derived")

    def step(self):
        return "derived step"

d = Derived()
print(d.log, d.template(), Base().template())

class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__)

class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

for shape in [Square(3), Shape()]:
    try:
        print(shape.area())
    except NotImplementedError as e:
        print("NotImplementedError:", e)

class Counted:
    instances = 0

    def __init__(self):
        Counted.instances += 1

class SubCounted(Counted):
    pass

SubCounted()
Counted()
print(Counted.instances, SubCounted.instances)
