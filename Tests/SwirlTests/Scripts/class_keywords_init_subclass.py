# Class keyword arguments reach the base's __init_subclass__ (a plugin registry).
try:
    class A(prefix=1):
        pass
except TypeError as e:
    print(e)


class Plugin:
    registry = {}

    def __init_subclass__(cls, /, name="", **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
        print("registered", cls.plugin_name)


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


print(sorted(Plugin.registry), Csv.plugin_name, Json.plugin_name)
