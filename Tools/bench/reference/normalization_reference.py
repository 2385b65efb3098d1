"""Reference values for Tests/NormalizationTests (run by hand, not by the tests).

    python3 Tools/bench/reference/normalization_reference.py

torch is not installed here, so batch and layer normalization are written in
numpy from the definitions in the PyTorch documentation (torch.nn.BatchNorm1d,
torch.nn.LayerNorm) and the Keras BatchNormalization source:
  training:  y = (x - mean) / sqrt(var_biased + eps) * gamma + beta
  PyTorch:   running = (1 - momentum) * running + momentum * batch_stat,
             running variance uses the UNBIASED batch variance (ddof=1)
  Keras:     moving = momentum * moving + (1 - momentum) * batch_stat,
             moving variance uses the BIASED batch variance (ops.moments)
  inference: y = (x - running_mean) / sqrt(running_var + eps) * gamma + beta
  LayerNorm: per row, biased variance, eps inside the square root.
The standardizer is checked against scikit-learn's StandardScaler.
Python is a reference only; the library never needs it.
"""
import numpy as np
from sklearn.preprocessing import StandardScaler

np.set_printoptions(precision=17, suppress=False, linewidth=120)

def show(name, value):
    value = np.asarray(value, dtype=np.float64)
    print(f"{name} = {np.array2string(value.ravel(), separator=', ', precision=17)}")

# --- Standardizer vs StandardScaler -----------------------------------------
data = np.array([[1.0, 10.0, -3.0], [3.0, 10.0, 0.5], [5.0, 10.0, 2.0], [10.0, 10.0, 7.25]])
scaler = StandardScaler().fit(data)
show("standardizer.mean", scaler.mean_)
show("standardizer.scale", scaler.scale_)        # sklearn: scale_ is 1 where sigma is 0
show("standardizer.sigma", np.sqrt(scaler.var_))
show("standardizer.transform", scaler.transform(data))
show("standardizer.transformNew", scaler.transform(np.array([[0.0, 12.0, 1.0]])))

# --- Batch normalization ----------------------------------------------------
batches = [
    np.array([[1.0, 2.0, -1.0], [3.0, 0.0, 4.0], [5.0, -2.0, 2.0], [7.0, 4.0, 0.5]]),
    np.array([[0.5, 1.0, 1.0], [-1.5, 3.0, 2.0], [2.0, 2.5, -3.0]]),
    np.array([[10.0, -4.0, 0.0], [12.0, -6.0, 1.0], [8.0, -5.0, 2.0], [9.0, -3.0, 3.0], [11.0, -2.0, 4.0]]),
]
gamma = np.array([1.5, 0.5, -1.0])
beta = np.array([0.1, -0.2, 0.3])
eps = 1e-5
test = np.array([[2.0, 1.0, 0.0], [6.0, -1.0, 5.0]])

def bn_train(x):
    mean = x.mean(axis=0)
    var = x.var(axis=0)  # biased
    return (x - mean) / np.sqrt(var + eps) * gamma + beta, mean, var

y0, mean0, var0 = bn_train(batches[0])
show("batchnorm.train0.output", y0)
show("batchnorm.train0.mean", mean0)
show("batchnorm.train0.variance", var0)

for name, momentum in [("pytorch", 0.1), ("keras", 0.99)]:
    running_mean = np.zeros(3)
    running_var = np.ones(3)
    for x in batches:
        mean = x.mean(axis=0)
        if name == "pytorch":
            running_mean = (1 - momentum) * running_mean + momentum * mean
            running_var = (1 - momentum) * running_var + momentum * x.var(axis=0, ddof=1)
        else:
            running_mean = momentum * running_mean + (1 - momentum) * mean
            running_var = momentum * running_var + (1 - momentum) * x.var(axis=0)
    show(f"batchnorm.{name}.runningMean", running_mean)
    show(f"batchnorm.{name}.runningVariance", running_var)
    show(f"batchnorm.{name}.inference", (test - running_mean) / np.sqrt(running_var + eps) * gamma + beta)

# --- Layer normalization ----------------------------------------------------
x = np.array([[1.0, 2.0, 4.0, -1.0], [0.5, 0.5, 3.0, 2.0], [-2.0, 1.0, 0.0, 7.0]])
ln_gamma = np.array([1.0, 2.0, -0.5, 0.25])
ln_beta = np.array([0.0, 0.1, 0.2, -0.3])
mean = x.mean(axis=1, keepdims=True)
var = x.var(axis=1, keepdims=True)
show("layernorm.output", (x - mean) / np.sqrt(var + eps) * ln_gamma + ln_beta)
