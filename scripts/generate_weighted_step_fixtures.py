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
