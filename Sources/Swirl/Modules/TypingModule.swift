// The `typing` module, written in Python: the names annotations use (List, Dict,
// Optional, Union, Callable, Awaitable, AsyncIterator, TypeVar, Generic, …) as objects
// that can be subscripted and printed, plus cast, TYPE_CHECKING, NamedTuple-free helpers.
// Swirl does not check types, so each name only has to exist, subscript and print as in
// CPython (`typing.List[int]`); isinstance against them is not supported.

let typingModuleSource = #"""
TYPE_CHECKING = False


def _name_of(arg):
    if arg is None or arg is type(None):
        return 'None'
    if arg is Ellipsis:
        return '...'
    if isinstance(arg, (_Special, _Alias)):
        return repr(arg)
    if isinstance(arg, type):
        if arg.__module__ == 'builtins':
            return arg.__qualname__
        return arg.__module__ + '.' + arg.__qualname__
    if isinstance(arg, list):
        return '[' + ', '.join([_name_of(a) for a in arg]) + ']'
    return repr(arg)


class _Alias:
    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args

    def __repr__(self):
        if self.__origin__._name == 'Optional':
            return 'typing.Optional[' + _name_of(self.__args__[0]) + ']'
        return 'typing.' + self.__origin__._name + '[' + ', '.join([_name_of(a) for a in self.__args__]) + ']'

    def __getitem__(self, params):
        return self

    def __call__(self, *args, **kwargs):
        raise TypeError('Type ' + self.__origin__._name + ' cannot be instantiated')

    def __eq__(self, other):
        return isinstance(other, _Alias) and self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name if False else self.__origin__._name, self.__args__))

    def __or__(self, other):
        return Union[self, other]


class _Special:
    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Optional':
            return _Alias(self, (params[0], type(None)))
        if self._name == 'Union':
            flat = []
            for p in params:
                if isinstance(p, _Alias) and p.__origin__ is self:
                    items = p.__args__
                else:
                    items = (p,)
                for item in items:
                    if item is None:
                        item = type(None)
                    if item not in flat:
                        flat.append(item)
            if len(flat) == 1:
                return flat[0]
            if len(flat) == 2 and type(None) in flat:
                other = flat[0] if flat[1] is type(None) else flat[1]
                alias = _Alias(Optional, (other, type(None)))
                return alias
            return _Alias(self, tuple(flat))
        return _Alias(self, params)

    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate typing.' + self._name)

    def __or__(self, other):
        return Union[self, other]


Any = _Special('Any')
Union = _Special('Union')
Optional = _Special('Optional')
Callable = _Special('Callable')
Tuple = _Special('Tuple')
List = _Special('List')
Dict = _Special('Dict')
Set = _Special('Set')
FrozenSet = _Special('FrozenSet')
Type = _Special('Type')
Iterable = _Special('Iterable')
Iterator = _Special('Iterator')
Generator = _Special('Generator')
Sequence = _Special('Sequence')
MutableSequence = _Special('MutableSequence')
Mapping = _Special('Mapping')
MutableMapping = _Special('MutableMapping')
Awaitable = _Special('Awaitable')
Coroutine = _Special('Coroutine')
AsyncIterable = _Special('AsyncIterable')
AsyncIterator = _Special('AsyncIterator')
AsyncGenerator = _Special('AsyncGenerator')
Literal = _Special('Literal')
Final = _Special('Final')
ClassVar = _Special('ClassVar')
NoReturn = _Special('NoReturn')
Hashable = _Special('Hashable')
Sized = _Special('Sized')
DefaultDict = _Special('DefaultDict')
Deque = _Special('Deque')
Counter = _Special('Counter')
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return '~' + self.__name__


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol:
    def __class_getitem__(cls, params):
        return cls


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj):
    return dict(getattr(obj, '__annotations__', {}))
"""#
