# sys.stdout.write, print(file=...), and sys basics.
import sys

sys.stdout.write("no newline")
sys.stdout.write(" then newline\n")
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print(sys.version_info[0], sys.version_info >= (3, 8), type(sys.argv).__name__, sys.maxsize > 2 ** 31)
print("a", "b", sep="", end="!\n")
print()
print("done", flush=True)
