#!/usr/bin/python3
"""Reference numbers for the peers' conventions (issue 16, item 5): PyTorch's, scikit-learn's and Keras'
optimiser updates, 20 steps (21 for the MLP) in float64 on a fixed parameter vector.

Gradients come from f(θ) = Σ_{i<n-1} (1 − θ_i)² + 10·(θ_{i+1} − θ_i²)² (a scaled Rosenbrock sum), which the
Java tests compute the same way. Keras is not installed: its Adam is a numpy transcription of
keras/optimizers (lr_t = lr·√(1−β2^t)/(1−β1^t); θ −= lr_t·m/(√v + ε)), the formula scikit-learn's
AdamOptimizer also uses (both are fixtures here, from sklearn's own class). The SGD forms change the
learning rate ×0.1 after step 10.

Run from the repository root:  /usr/bin/python3 scripts/generate_convention_fixtures.py
"""
import json
import numpy as np
import torch
import sklearn
from sklearn.neural_network import MLPRegressor
from sklearn.neural_network._stochastic_optimizers import AdamOptimizer, SGDOptimizer

OUT = "core/src/test/resources/mlpkit/core/optim/conventions/convention_fixtures.json"
THETA0 = [-1.2, 1.0, 0.5, -0.3]
STEPS = 20
DECAY_AT = 10  # steps 1..10 at lr, steps 11..20 at lr/10


def grad(t):
    t = np.asarray(t, dtype=np.float64)
    g = np.zeros_like(t)
    for i in range(len(t) - 1):
        r = t[i + 1] - t[i] * t[i]
        g[i] += -2.0 * (1.0 - t[i]) - 40.0 * t[i] * r
        g[i + 1] += 20.0 * r
    return g


def torch_run(make, lr, decay):
    p = torch.tensor(THETA0, dtype=torch.float64, requires_grad=True)
    opt = make([p])
    for step in range(1, STEPS + 1):
        if decay and step == DECAY_AT + 1:
            for group in opt.param_groups:
                group["lr"] = lr * 0.1
        p.grad = torch.tensor(grad(p.detach().numpy()), dtype=torch.float64)
        opt.step()
    return p.detach().numpy().tolist()


def sklearn_run(opt, theta, lr, decay):
    for step in range(1, STEPS + 1):
        if decay and step == DECAY_AT + 1:
            opt.learning_rate = lr * 0.1
        opt.update_params([theta], [grad(theta)])
    return theta.tolist()


def keras_adam(lr, b1, b2, eps):
    theta = np.array(THETA0, dtype=np.float64)
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    for t in range(1, STEPS + 1):
        g = grad(theta)
        alpha = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
        m += (g - m) * (1 - b1)
        v += (np.square(g) - v) * (1 - b2)
        theta -= (m * alpha) / (np.sqrt(v) + eps)
    return theta.tolist()


def mlp_l2():
    """MLPRegressor, sgd with momentum, alpha = 0.1, 7 rows in batches of 3, 3, 1 (shuffle off), 7 epochs."""
    rng = np.random.RandomState(3)
    x = rng.uniform(-1, 1, size=(7, 2))
    y = x[:, 0] - 2 * x[:, 1] ** 2 + 0.5
    w1 = rng.uniform(-0.8, 0.8, size=(2, 3))
    b1 = rng.uniform(-0.2, 0.2, size=3)
    w2 = rng.uniform(-0.8, 0.8, size=(3, 1))
    b2 = rng.uniform(-0.2, 0.2, size=1)
    mlp = MLPRegressor(hidden_layer_sizes=(3,), activation="relu", solver="sgd", alpha=0.1, batch_size=3,
                       learning_rate_init=0.05, momentum=0.9, nesterovs_momentum=False, shuffle=False)
    mlp.partial_fit(x, y)  # builds the layers; then start again from the fixed weights with a fresh optimiser
    mlp.coefs_ = [w1.copy(), w2.copy()]
    mlp.intercepts_ = [b1.copy(), b2.copy()]
    del mlp._optimizer
    mlp.t_ = 0
    for _ in range(7):
        mlp.partial_fit(x, y)
    return {"x": x.tolist(), "y": y.tolist(), "W1": w1.tolist(), "b1": b1.tolist(), "W2": w2.tolist(),
            "b2": b2.tolist(), "alpha": 0.1, "lr": 0.05, "momentum": 0.9, "batchSize": 3, "epochs": 7,
            "finalW1": mlp.coefs_[0].tolist(), "finalb1": mlp.intercepts_[0].tolist(),
            "finalW2": mlp.coefs_[1].tolist(), "finalb2": mlp.intercepts_[1].tolist()}


def schedules():
    """scikit-learn's invscaling (time in samples) and adaptive (its own count and division), epoch by epoch."""
    inv = SGDOptimizer([np.zeros(1)], learning_rate_init=0.1, lr_schedule="invscaling", power_t=0.5)
    n = 7
    invscaling = [inv.learning_rate]
    for epoch in range(1, 6):
        inv.iteration_ends(epoch * n)  # _fit_stochastic: t_ += n_samples, then iteration_ends(t_)
        invscaling.append(inv.learning_rate)
    # adaptive: a training-loss curve that stalls, as _fit_stochastic handles it (no early stopping)
    losses = [1.0, 0.8, 0.79995, 0.7, 0.7, 0.69999, 0.71, 0.7, 0.65, 0.66, 0.66, 0.66, 0.64995, 0.66, 0.66, 0.66, 0.66]
    mlp = MLPRegressor(tol=1e-4, n_iter_no_change=2)
    mlp.loss_curve_, mlp.best_loss_, mlp._no_improvement_count = [], np.inf, 0
    opt = SGDOptimizer([np.zeros(1)], learning_rate_init=0.1, lr_schedule="adaptive")
    rates = []
    for loss in losses:
        rates.append(opt.learning_rate)  # the rate the epoch trained with
        mlp.loss_curve_.append(loss)
        mlp._update_no_improvement_count(False, None, None)
        opt.iteration_ends(0)
        if mlp._no_improvement_count > mlp.n_iter_no_change:
            assert not opt.trigger_stopping("", False)
            mlp._no_improvement_count = 0
    return {"invscaling": {"lr": 0.1, "power": 0.5, "rows": n, "rates": invscaling},
            "adaptive": {"lr": 0.1, "tol": 1e-4, "nIterNoChange": 2, "losses": losses, "rates": rates}}


def main():
    th = lambda: np.array(THETA0, dtype=np.float64)
    out = {
        "header": "written by /usr/bin/python3 scripts/generate_convention_fixtures.py (torch %s, scikit-learn %s, numpy %s)"
                  % (torch.__version__, sklearn.__version__, np.__version__),
        "theta0": THETA0, "steps": STEPS, "decayAfterStep": DECAY_AT,
        "adam_torch": torch_run(lambda p: torch.optim.Adam(p, lr=0.01), 0.01, False),
        "adam_keras": keras_adam(0.01, 0.9, 0.999, 1e-7),
        # a large ε makes the placements differ far beyond 1e-9
        "adam_torch_eps_0.1": torch_run(lambda p: torch.optim.Adam(p, lr=0.01, eps=0.1), 0.01, False),
        "adam_keras_eps_0.1": keras_adam(0.01, 0.9, 0.999, 0.1),
        "sgd_torch_momentum": torch_run(lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9), 0.01, True),
        "sgd_torch_nesterov": torch_run(lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9, nesterov=True), 0.01, True),
        "rmsprop_torch": torch_run(lambda p: torch.optim.RMSprop(p, lr=0.01), 0.01, False),
        "rmsprop_torch_eps_0.1": torch_run(lambda p: torch.optim.RMSprop(p, lr=0.01, eps=0.1), 0.01, False),
        "mlp_l2_sklearn": mlp_l2(),
        "schedules_sklearn": schedules(),
    }
    theta = th()
    out["adam_sklearn"] = sklearn_run(AdamOptimizer([theta], learning_rate_init=0.01), theta, 0.01, False)
    theta = th()
    out["adam_sklearn_eps_0.1"] = sklearn_run(AdamOptimizer([theta], learning_rate_init=0.01, epsilon=0.1), theta, 0.01,
                                              False)
    theta = th()
    out["sgd_sklearn_momentum"] = sklearn_run(SGDOptimizer([theta], learning_rate_init=0.01, momentum=0.9,
                                                           nesterov=False), theta, 0.01, True)
    theta = th()
    out["sgd_sklearn_nesterov"] = sklearn_run(SGDOptimizer([theta], learning_rate_init=0.01, momentum=0.9,
                                                           nesterov=True), theta, 0.01, True)
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
