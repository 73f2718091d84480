"""One weighted training step of a small network, under both weight normalisations, in PyTorch (float64).

Writes core/src/test/resources/mlpkit/core/fixtures/weighted_step_fixtures.json, read by
core's WeightedStepFixtureTest. Run from the repository root:

    /usr/bin/python3 scripts/generate_weighted_step_fixtures.py

The formula: L = sum_i w_i * l_i / D, so row i's output delta is w_i / D times its unweighted one, with
  sumOfWeights: D = sum_i w_i  (scikit-learn >= 1.7, sklearn/neural_network/_multilayer_perceptron.py _backprop:
                sw_sum = sample_weight.sum(); deltas[last] *= sample_weight; gradients divided by sw_sum;
                PyTorch's weighted mean, e.g. CrossEntropyLoss(weight=..., reduction='mean'))
  rows:         D = n, the batch's row count (Keras' default reduction sum_over_batch_size: "scalar SUM of the
                weighted losses divided by the number of elements", keras.losses.Reduction)
Each case then takes one torch.optim.SGD(lr=0.1) step and, from the same start, one torch.optim.Adam(lr=0.01) step.
"""
import json
import numpy as np
import torch

torch.set_default_dtype(torch.float64)
rng = np.random.RandomState(17)

HEADER = ("/usr/bin/python3 scripts/generate_weighted_step_fixtures.py: torch 1.13 float64; L = sum_i w_i l_i / D, "
          "D = sum_i w_i (sumOfWeights: scikit-learn 1.7 _multilayer_perceptron.py _backprop sw_sum; PyTorch weighted mean) "
          "or D = n rows (rows: Keras sum_over_batch_size); one SGD(lr=0.1) and one Adam(lr=0.01) step from the same start")

n_in, n_hidden, n_out, n = 3, 4, 3, 5
x = rng.normal(size=(n, n_in))
w = np.array([0.5, 2.0, 1.0, 3.0, 0.25])
layers = [(rng.normal(scale=0.5, size=(n_in, n_hidden)), rng.normal(scale=0.1, size=(n_hidden,))),
          (rng.normal(scale=0.5, size=(n_hidden, n_out)), rng.normal(scale=0.1, size=(n_out,)))]
labels = np.array([0, 2, 1, 2, 0])
onehot = np.eye(n_out)[labels]
values = rng.uniform(0.1, 0.9, size=(n, n_out))


def flat(params):
    return np.concatenate([p.detach().numpy().ravel() for p in params]).tolist()


def row_losses(case, z, y):
    if case == "softmax-ce":   # dense(3, softmax) + softmax cross-entropy
        return -(y * torch.log_softmax(z, dim=1)).sum(dim=1)
    a = torch.sigmoid(z)       # dense(3, sigmoid) + mse: mean over the outputs of (a - y)^2
    return ((a - y) ** 2).mean(dim=1)


def run(case, y, normalization, optimiser):
    params = [torch.tensor(p, requires_grad=True) for layer in layers for p in layer]
    W1, b1, W2, b2 = params
    opt = torch.optim.SGD(params, lr=0.1) if optimiser == "sgd" else torch.optim.Adam(params, lr=0.01)
    z = torch.tanh(torch.tensor(x) @ W1 + b1) @ W2 + b2
    ell = row_losses(case, z, torch.tensor(y))
    wt = torch.tensor(w)
    d = wt.sum() if normalization == "sumOfWeights" else float(n)
    loss = (wt * ell).sum() / d
    opt.zero_grad()
    loss.backward()
    grad = np.concatenate([p.grad.numpy().ravel() for p in params]).tolist()
    opt.step()
    return loss.item(), grad, flat(params)


cases = {}
for case, y in (("softmax-ce", onehot), ("mse", values)):
    for normalization in ("sumOfWeights", "rows"):
        loss, grad, after_sgd = run(case, y, normalization, "sgd")
        _, _, after_adam = run(case, y, normalization, "adam")
        cases[case + "/" + normalization] = {"loss": loss, "gradient": grad, "sgd": after_sgd, "adam": after_adam}

start = np.concatenate([p.ravel() for layer in layers for p in layer]).tolist()
out = {"header": HEADER, "x": x.tolist(), "weights": w.tolist(), "start": start,
       "targets": {"softmax-ce": onehot.tolist(), "mse": values.tolist()}, "cases": cases}
with open("core/src/test/resources/mlpkit/core/fixtures/weighted_step_fixtures.json", "w") as f:
    json.dump(out, f, indent=1)


# ---- scikit-learn >= 1.7's L2 term with sample weights (the estimators' weighted sgd/adam/lbfgs) ----
# Writes dsl/src/test/resources/mlpkit/estimator/weighted_l2_step.json, read by dsl's WeightedL2StepTest.
# The start is scikit-learn 1.2.1's MLPRegressor(hidden_layer_sizes=(4,), random_state=0) initial weights
# (its _initialize, as mlpkit's estimators draw them); the step is 1.7's _backprop written out in numpy:
#   sw_sum = sample_weight.sum(); deltas[last] = (out - y) * sample_weight
#   coef_grads[l] = (a[l].T @ deltas[l] + alpha * coefs[l]) / sw_sum; intercept_grads[l] = deltas[l].sum(0) / sw_sum
# then one SGD step with momentum 0 (velocity = -lr * grad), the whole set as one unshuffled batch.
from sklearn.neural_network import MLPRegressor
from sklearn.utils import check_random_state

L2_HEADER = ("/usr/bin/python3 scripts/generate_weighted_step_fixtures.py: numpy; start = scikit-learn 1.2.1 "
             "MLPRegressor(hidden_layer_sizes=(4,), random_state=0)._initialize; one step of scikit-learn 1.7's _backprop "
             "(L2 gradient alpha*W / sample_weight.sum()) with sgd(momentum=0, learning_rate_init=0.1), alpha=0.5, one full batch")
l2_rng = np.random.RandomState(7)
xr = l2_rng.normal(size=(6, 3))
yr = l2_rng.normal(size=(6,))
wr = np.array([0.5, 2.0, 1.0, 3.0, 0.25, 1.5])
alpha, lr = 0.5, 0.1
reg = MLPRegressor(hidden_layer_sizes=(4,), random_state=0)
reg._random_state = check_random_state(0)
reg._initialize(yr.reshape(-1, 1), [3, 4, 1], np.float64)
coefs = [c.copy() for c in reg.coefs_]
intercepts = [b.copy() for b in reg.intercepts_]
start = {"coefs": [c.tolist() for c in coefs], "intercepts": [b.tolist() for b in intercepts]}
hidden = np.maximum(xr @ coefs[0] + intercepts[0], 0)
out = hidden @ coefs[1] + intercepts[1]
sw_sum = wr.sum()
d1 = (out - yr.reshape(-1, 1)) * wr.reshape(-1, 1)
d0 = (d1 @ coefs[1].T) * (hidden > 0)
grads_w = [(xr.T @ d0 + alpha * coefs[0]) / sw_sum, (hidden.T @ d1 + alpha * coefs[1]) / sw_sum]
grads_b = [d0.sum(axis=0) / sw_sum, d1.sum(axis=0) / sw_sum]
after = {"coefs": [(c - lr * g).tolist() for c, g in zip(coefs, grads_w)],
         "intercepts": [(b - lr * g).tolist() for b, g in zip(intercepts, grads_b)]}
with open("dsl/src/test/resources/mlpkit/estimator/weighted_l2_step.json", "w") as f:
    json.dump({"header": L2_HEADER, "x": xr.tolist(), "y": yr.tolist(), "weights": wr.tolist(), "alpha": alpha,
               "learningRateInit": lr, "start": start, "after": after}, f, indent=1)
