"""numpy reference for Tools/bench/HessianBench.swift (run by descent-bench).

    python3 hessian.py eigh DIRECTORY N1 N2 ...
        for each N reads DIRECTORY/matrix-N.bin (raw float64, row-major N x N,
        symmetric) that the Swift benchmark wrote; times numpy.linalg.eigh
        (eigenvalues and eigenvectors, LAPACK ?syevd) repeated until 0.5 s have
        passed and at least 3 times; prints "eigh N SECONDS" (the fastest) and
        writes the eigenvalues to DIRECTORY/numpy-eigenvalues-N.bin so the
        benchmark can check that both computed the same spectrum.

Python is the reference only; nothing in the library or its tests needs it.
"""
import pathlib
import sys
import time

import numpy as np


def eigh(directory, sizes):
    directory = pathlib.Path(directory)
    for n in sizes:
        a = np.fromfile(directory / f"matrix-{n}.bin", dtype=np.float64).reshape(n, n)
        values, _ = np.linalg.eigh(a)  # warm up
        best, elapsed, repeats = float("inf"), 0.0, 0
        while elapsed < 0.5 or repeats < 3:
            start = time.perf_counter()
            np.linalg.eigh(a)
            took = time.perf_counter() - start
            best = min(best, took)
            elapsed += took
            repeats += 1
        values.astype(np.float64).tofile(directory / f"numpy-eigenvalues-{n}.bin")
        print(f"eigh {n} {best:.9f}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "eigh":
        eigh(sys.argv[2], [int(n) for n in sys.argv[3:]])
    else:
        sys.exit(f"unknown mode {sys.argv[1]}")
