"""numpy reference for Tools/bench/TensorCoreBench.swift (run by descent-bench).

  python3 tensorcore.py gemm SIZE... DTYPE
      prints one line per size: "gemm SIZE GFLOPS" for an SIZE x SIZE product.
  python3 tensorcore.py epoch DIRECTORY DTYPE REPEATS
      runs one epoch of the digits MLP 64-128-10 (plain SGD, mean softmax
      cross-entropy) on the inputs, labels, initial parameters and batch order
      that the Swift benchmark wrote to DIRECTORY, REPEATS times from the same
      start; prints "epoch SECONDS" (the fastest) and writes the parameters after
      one epoch to DIRECTORY/numpy-parameters.bin so the benchmark can check that
      both did the same computation.

Python is the reference only; nothing in the library or its tests needs it.
"""
import json
import pathlib
import sys
import time

import numpy as np


def gemm(sizes, dtype):
    rng = np.random.default_rng(0)
    for n in sizes:
        a = rng.standard_normal((n, n)).astype(dtype)
        b = rng.standard_normal((n, n)).astype(dtype)
        a @ b  # warm up
        repeats, elapsed = 0, 0.0
        best = float("inf")
        while elapsed < 0.3 or repeats < 3:
            start = time.perf_counter()
            a @ b
            took = time.perf_counter() - start
            best = min(best, took)
            elapsed += took
            repeats += 1
        print(f"gemm {n} {2 * n**3 / best / 1e9:.3f}", flush=True)


def epoch(directory, dtype, repeats):
    directory = pathlib.Path(directory)
    meta = json.loads((directory / "meta.json").read_text())
    read = lambda name, kind: np.fromfile(directory / name, dtype=kind)
    inputs = read("inputs.bin", dtype).reshape(meta["samples"], meta["features"])
    labels = read("labels.bin", np.int64)
    order = read("order.bin", np.int64)
    initial = read("parameters.bin", dtype)
    sizes = meta["sizes"]  # [64, 128, 10]
    batch_size = meta["batchSize"]
    rate = dtype(meta["learningRate"])

    def unpack(flat):
        # Same order as Descent's Sequential: W1 (64x128 row-major), b1, W2, b2.
        shapes = [(sizes[0], sizes[1]), (sizes[1],), (sizes[1], sizes[2]), (sizes[2],)]
        arrays, offset = [], 0
        for shape in shapes:
            count = int(np.prod(shape))
            arrays.append(flat[offset : offset + count].reshape(shape).copy())
            offset += count
        return arrays

    def run_epoch(w1, b1, w2, b2):
        for start in range(0, len(order), batch_size):
            index = order[start : start + batch_size]
            x, y = inputs[index], labels[index]
            n = len(index)
            hidden = x @ w1 + b1
            active = np.maximum(hidden, 0)
            logits = active @ w2 + b2
            shifted = logits - logits.max(axis=1, keepdims=True)
            exps = np.exp(shifted)
            probabilities = exps / exps.sum(axis=1, keepdims=True)
            probabilities[np.arange(n), y] -= 1
            grad_logits = probabilities / dtype(n)
            grad_w2 = active.T @ grad_logits
            grad_b2 = grad_logits.sum(axis=0)
            grad_active = grad_logits @ w2.T
            grad_hidden = grad_active * (hidden > 0)
            grad_w1 = x.T @ grad_hidden
            grad_b1 = grad_hidden.sum(axis=0)
            w1 -= rate * grad_w1
            b1 -= rate * grad_b1
            w2 -= rate * grad_w2
            b2 -= rate * grad_b2
        return w1, b1, w2, b2

    best = float("inf")
    for _ in range(repeats):
        parameters = unpack(initial)
        start = time.perf_counter()
        parameters = run_epoch(*parameters)
        best = min(best, time.perf_counter() - start)
    np.concatenate([p.ravel() for p in parameters]).astype(dtype).tofile(
        directory / "numpy-parameters.bin")
    print(f"epoch {best:.6f}", flush=True)


if __name__ == "__main__":
    dtypes = {"float32": np.float32, "float64": np.float64}
    if sys.argv[1] == "gemm":
        gemm([int(s) for s in sys.argv[2:-1]], dtypes[sys.argv[-1]])
    elif sys.argv[1] == "epoch":
        epoch(sys.argv[2], dtypes[sys.argv[3]], int(sys.argv[4]))
    else:
        sys.exit(f"unknown mode {sys.argv[1]}")
