"""numpy reference for Tools/bench/NormalizationBench.swift (run by descent-bench).

    python3 normalization.py batchnorm DIRECTORY DTYPE ROWS COLUMNS
        reads input.bin, gradient.bin, gamma.bin and beta.bin (raw DTYPE arrays,
        row-major ROWS x COLUMNS, and COLUMNS each) that the Swift benchmark wrote
        to DIRECTORY; times one training-mode batch-normalization forward pass
        (batch statistics, PyTorch running-statistics update, eps 1e-5) plus the
        backward pass (input, gamma and beta gradients, the compact per-feature
        formula), repeated until 0.3 s have passed and at least 5 times;
        prints "batchnorm SECONDS" (the fastest) and writes the output and the
        input gradient to DIRECTORY/numpy-output.bin and numpy-input-gradient.bin
        so the benchmark can check that both did the same computation.

Python is the reference only; nothing in the library or its tests needs it.
"""
import pathlib
import sys
import time

import numpy as np


def batchnorm(directory, dtype, rows, columns):
    directory = pathlib.Path(directory)
    x = np.fromfile(directory / "input.bin", dtype=dtype).reshape(rows, columns)
    g = np.fromfile(directory / "gradient.bin", dtype=dtype).reshape(rows, columns)
    gamma = np.fromfile(directory / "gamma.bin", dtype=dtype)
    beta = np.fromfile(directory / "beta.bin", dtype=dtype)
    running_mean = np.zeros(columns, dtype=dtype)
    running_var = np.ones(columns, dtype=dtype)
    eps = dtype(1e-5)
    momentum = dtype(0.1)
    n = dtype(rows)

    def step():
        nonlocal running_mean, running_var
        # forward, training mode
        mean = x.mean(axis=0)
        centered = x - mean
        var = (centered * centered).mean(axis=0)
        inverse = 1 / np.sqrt(var + eps)
        xhat = centered * inverse
        y = gamma * xhat + beta
        running_mean = (1 - momentum) * running_mean + momentum * mean
        running_var = (1 - momentum) * running_var + momentum * var * (n / (n - 1))
        # backward
        dbeta = g.sum(axis=0)
        dgamma = (g * xhat).sum(axis=0)
        a = gamma * inverse
        dx = a * g - (a * dbeta / n) - xhat * (a * dgamma / n)
        return y, dx, dgamma, dbeta

    y, dx, _, _ = step()  # warm up
    best, elapsed, repeats = float("inf"), 0.0, 0
    while elapsed < 0.3 or repeats < 5:
        start = time.perf_counter()
        step()
        took = time.perf_counter() - start
        best = min(best, took)
        elapsed += took
        repeats += 1
    y.astype(dtype).tofile(directory / "numpy-output.bin")
    dx.astype(dtype).tofile(directory / "numpy-input-gradient.bin")
    print(f"batchnorm {best:.9f}", flush=True)


if __name__ == "__main__":
    dtypes = {"float32": np.float32, "float64": np.float64}
    if sys.argv[1] == "batchnorm":
        batchnorm(sys.argv[2], dtypes[sys.argv[3]], int(sys.argv[4]), int(sys.argv[5]))
    else:
        sys.exit(f"unknown mode {sys.argv[1]}")
