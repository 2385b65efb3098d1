"""Writes Sources/TensorCore/Resources/digits.bin from scikit-learn's copy of the
UCI optical recognition of handwritten digits data set (CC BY 4.0; see
Sources/TensorCore/Resources/digits-ATTRIBUTION.md).

Format: 1,797 records of 65 bytes, in scikit-learn's order; each record is the
label (0-9) followed by the 64 pixels of the 8x8 image in row-major order, each
an integer 0-16.

Usage: python3 Tools/bench/reference/tensorcore_digits_export.py
"""
import pathlib

import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
pixels = digits.data.astype(np.uint8)
assert (pixels == digits.data).all() and pixels.max() <= 16
records = np.concatenate([digits.target.astype(np.uint8)[:, None], pixels], axis=1)
target = pathlib.Path(__file__).resolve().parents[3] / "Sources/TensorCore/Resources/digits.bin"
target.write_bytes(records.tobytes())
print(f"wrote {target} ({records.nbytes} bytes, {len(records)} samples)")
