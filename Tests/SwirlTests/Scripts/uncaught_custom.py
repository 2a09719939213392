# An uncaught user-defined exception raised through a chain of calls ends the program.
class ConfigError(Exception):
    pass

def load(path):
    raise ConfigError(f"missing file: {path}")

def main():
    try:
        load("app.toml")
    finally:
        print("cleanup ran")

main()
