// The `dataclasses` module, written in Python: @dataclass (init, repr, eq, order, frozen),
// field(default=, default_factory=, init=, repr=, compare=), fields, asdict, astuple,
// replace, is_dataclass, FrozenInstanceError and MISSING. CPython generates each class's
// __init__ from source with exec; Swirl has no exec, so one generic __init__ binds the
// arguments to the fields and raises CPython's argument errors itself.

let dataclassesModuleSource = #"""
class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ('Field(name=' + repr(self.name) + ',type=' + repr(self.type)
                + ',default=' + repr(self.default) + ',default_factory=' + repr(self.default_factory)
                + ',init=' + repr(self.init) + ',repr=' + repr(self.repr) + ',hash=' + repr(self.hash)
                + ',compare=' + repr(self.compare) + ',metadata=' + repr(self.metadata)
                + ',kw_only=' + repr(self.kw_only) + ',_field_type=_FIELD)')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    # typing.ClassVar, ClassVar[...] or, under postponed annotations, their text.
    if isinstance(annotation, str):
        return annotation.startswith(('ClassVar', 'typing.ClassVar'))
    if getattr(annotation, '_name', None) == 'ClassVar':
        return True
    return getattr(getattr(annotation, '__origin__', None), '_name', None) == 'ClassVar'


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(found.values())


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def _plain(obj, factory, tuples):
    # asdict (name/value pairs into `factory`) and astuple (values into `factory`),
    # recursing into dataclasses, lists, tuples and dicts.
    if hasattr(type(obj), '__dataclass_fields__'):
        if tuples:
            return factory([_plain(getattr(obj, f.name), factory, True) for f in fields(obj)])
        return factory([(f.name, _plain(getattr(obj, f.name), factory, False)) for f in fields(obj)])
    if isinstance(obj, list):
        return [_plain(v, factory, tuples) for v in obj]
    if isinstance(obj, tuple):
        return tuple([_plain(v, factory, tuples) for v in obj])
    if isinstance(obj, dict):
        return {_plain(k, factory, tuples): _plain(v, factory, tuples) for k, v in obj.items()}
    return obj


def asdict(obj, *, dict_factory=dict):
    if not hasattr(type(obj), '__dataclass_fields__'):
        raise TypeError('asdict() should be called on dataclass instances')
    return _plain(obj, dict_factory, False)


def astuple(obj, *, tuple_factory=tuple):
    if not hasattr(type(obj), '__dataclass_fields__'):
        raise TypeError('astuple() should be called on dataclass instances')
    return _plain(obj, tuple_factory, True)


def replace(obj, /, **changes):
    if not hasattr(type(obj), '__dataclass_fields__'):
        raise TypeError('replace() should be called on dataclass instances')
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError('field ' + f.name + ' is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


def _plural(n, word):
    return str(n) + ' ' + word + ('' if n == 1 else 's')


def _quoted_list(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _make_init(cls, init_fields, all_fields, frozen=False):
    qualname = cls.__qualname__ + '.__init__'

    def __init__(self, *args, **kwargs):
        positional = [f for f in init_fields if not f.kw_only]
        if len(args) > len(positional):
            required = len([f for f in positional if f.default is MISSING and f.default_factory is MISSING])
            if required == len(positional):
                takes = _plural(len(positional) + 1, 'positional argument')
            else:
                takes = 'from ' + str(required + 1) + ' to ' + str(len(positional) + 1) + ' positional arguments'
            given = len(args) + 1
            raise TypeError(qualname + '() takes ' + takes + ' but ' + str(given)
                            + (' was' if given == 1 else ' were') + ' given')
        names = [f.name for f in init_fields]
        for key in kwargs:
            if key not in names:
                raise TypeError(qualname + "() got an unexpected keyword argument '" + key + "'")
        values = {}
        for f, v in zip(positional, args):
            values[f.name] = v
        for key, v in kwargs.items():
            if key in values:
                raise TypeError(qualname + "() got multiple values for argument '" + key + "'")
            values[key] = v
        missing = [f.name for f in positional
                   if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise TypeError(qualname + '() missing ' + _plural(len(missing), 'required positional argument')
                            + ': ' + _quoted_list(missing))
        missing_kw = [f.name for f in init_fields if f.kw_only and f.name not in values
                      and f.default is MISSING and f.default_factory is MISSING]
        if missing_kw:
            raise TypeError(qualname + '() missing ' + _plural(len(missing_kw), 'required keyword-only argument')
                            + ': ' + _quoted_list(missing_kw))
        for f in all_fields:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            # As CPython's generated code: `self.name = value` (through __setattr__ and
            # descriptors), object.__setattr__ only for frozen classes.
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        post_init = getattr(self, '__post_init__', None)
        if post_init is not None:
            post_init()

    __init__.__qualname__ = qualname
    return __init__


_repr_running = set()


def _make_repr(cls, repr_fields):
    def __repr__(self):
        # A dataclass that contains itself shows '...' there (reprlib.recursive_repr).
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return (type(self).__qualname__ + '('
                    + ', '.join([f.name + '=' + repr(getattr(self, f.name)) for f in repr_fields]) + ')')
        finally:
            _repr_running.discard(key)
    __repr__.__qualname__ = cls.__qualname__ + '.__repr__'
    return __repr__


def _make_compare(cls, compare_fields, op):
    def values(obj):
        return tuple([getattr(obj, f.name) for f in compare_fields])

    if op == '__eq__':
        def method(self, other):
            if other.__class__ is self.__class__:
                return values(self) == values(other)
            return NotImplemented
    elif op == '__lt__':
        def method(self, other):
            if other.__class__ is self.__class__:
                return values(self) < values(other)
            return NotImplemented
    elif op == '__le__':
        def method(self, other):
            if other.__class__ is self.__class__:
                return values(self) <= values(other)
            return NotImplemented
    elif op == '__gt__':
        def method(self, other):
            if other.__class__ is self.__class__:
                return values(self) > values(other)
            return NotImplemented
    else:
        def method(self, other):
            if other.__class__ is self.__class__:
                return values(self) >= values(other)
            return NotImplemented
    method.__qualname__ = cls.__qualname__ + '.' + op
    return method


def _process_class(cls, init, repr, eq, order, frozen, unsafe_hash, kw_only):
    all_fields = {}
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields is not None:
            for f in base_fields.values():
                all_fields[f.name] = f
    annotations = cls.__dict__.get('__annotations__', {})
    own = []
    for name, annotation in annotations.items():
        if _is_classvar(annotation):
            continue   # a class attribute, not a field
        # getattr, not the class dict: a descriptor's default is what its __get__ gives.
        default = getattr(cls, name, MISSING) if name in cls.__dict__ else MISSING
        if isinstance(default, Field):
            f = default
            if f.default is MISSING:
                if name in cls.__dict__:
                    delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        else:
            if isinstance(default, (list, dict, set)):
                raise ValueError('mutable default ' + str(type(default)) + ' for field ' + name
                                 + ' is not allowed: use default_factory')
            f = field(default=default)
        f.name = name
        f.type = annotation
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        all_fields[name] = f
        own.append(f)
    field_list = list(all_fields.values())
    init_fields = [f for f in field_list if f.init]
    seen_default = False
    for f in init_fields:
        if f.kw_only:
            continue
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument '" + f.name + "' follows default argument")
    cls.__dataclass_fields__ = all_fields
    if init and '__init__' not in cls.__dict__:
        cls.__init__ = _make_init(cls, init_fields, field_list, frozen)
    if repr and '__repr__' not in cls.__dict__:
        cls.__repr__ = _make_repr(cls, [f for f in field_list if f.repr])
    compare_fields = [f for f in field_list if f.compare]
    if eq and '__eq__' not in cls.__dict__:
        cls.__eq__ = _make_compare(cls, compare_fields, '__eq__')
    if order:
        for op in ('__lt__', '__le__', '__gt__', '__ge__'):
            if op in cls.__dict__:
                raise TypeError('Cannot overwrite attribute ' + op + ' in class ' + cls.__name__
                                + '. Consider using functools.total_ordering')
            setattr(cls, op, _make_compare(cls, compare_fields, op))
    if frozen:
        names = set(all_fields)

        def __setattr__(self, name, value):
            if type(self) is cls or name in names:
                raise FrozenInstanceError("cannot assign to field '" + name + "'")
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in names:
                raise FrozenInstanceError("cannot delete field '" + name + "'")
            object.__delattr__(self, name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    if '__hash__' not in cls.__dict__ or cls.__dict__['__hash__'] is None:
        if unsafe_hash or (eq and frozen):
            def __hash__(self):
                return hash(tuple([getattr(self, f.name) for f in field_list
                                   if (f.compare if f.hash is None else f.hash)]))
            cls.__hash__ = __hash__
        elif eq:
            cls.__hash__ = None
    cls.__match_args__ = tuple([f.name for f in init_fields if not f.kw_only])
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False):
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, frozen, unsafe_hash, kw_only)

    if cls is None:
        return wrap
    return wrap(cls)
"""#
