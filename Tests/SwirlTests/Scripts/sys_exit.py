# sys.exit with an integer status; finally blocks still run, output so far is kept.
import sys

def main():
    try:
        print("working")
        sys.exit(3)
    finally:
        print("finally before exit")

try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit", e.code)
main()
print("not reached")
