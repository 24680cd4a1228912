"""`python -m revisionprint.cli`, as the benchmarks run the command."""

from . import main

if __name__ == "__main__":
    main()
