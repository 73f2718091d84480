#!/usr/bin/env python3
"""Fixtures of the sklearn-style estimators (mlpkit.estimator), from scikit-learn 1.2.1.

Writes into dsl/src/test/resources/mlpkit/estimator/:
  params.json          MLPClassifier().get_params() and MLPRegressor().get_params()
  initial_weights.json coefs_/intercepts_ as scikit-learn initialises them for a random_state (no training)
  steps.json           step-for-step cases: loss_curve_, final coefs_/intercepts_, predictions.
                       Each case has "part": 1 (expressible now, tested) or 2 (adam, alpha > 0, mini-batches
                       with shuffle=False, invscaling, adaptive, lbfgs: kept for issue 16's second part).

Run from the repository root: /usr/bin/python3 scripts/generate_estimator_fixtures.py
"""
import json
import math
import os
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_iris, make_classification, make_regression
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor

COMMAND = "/usr/bin/python3 scripts/generate_estimator_fixtures.py"
OUT = os.path.join("dsl", "src", "test", "resources", "mlpkit", "estimator")
EPOCHS = 20


def header(what):
    return {"generator": COMMAND, "sklearn": sklearn.__version__, "numpy": np.__version__, "what": what}


def plain(value):
    """JSON-ready: tuples as lists, inf as the string "inf", numpy scalars as Python numbers."""
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    if isinstance(value, float) and math.isinf(value):
        return "inf"
    if isinstance(value, np.generic):
        return value.item()
    return value


def params():
    return {
        "header": header("get_params() of the default estimators"),
        "MLPClassifier": {k: plain(v) for k, v in MLPClassifier().get_params().items()},
        "MLPRegressor": {k: plain(v) for k, v in MLPRegressor().get_params().items()},
    }


def initialised(estimator, x, y):
    """coefs_ and intercepts_ as fit initialises them, without training (the stochastic loop is replaced by nothing)."""
    estimator._fit_stochastic = lambda *args, **kwargs: None
    estimator.fit(x, y)
    return [c.tolist() for c in estimator.coefs_], [b.tolist() for b in estimator.intercepts_]


def datasets():
    xb, yb = make_classification(n_samples=60, n_features=4, n_informative=3, n_redundant=1, random_state=0)
    iris = load_iris()
    xi = (iris.data - iris.data.mean(axis=0)) / iris.data.std(axis=0)
    x1, y1 = make_regression(n_samples=50, n_features=3, noise=0.1, random_state=1)
    x2, y2 = make_regression(n_samples=40, n_features=3, n_targets=2, noise=0.1, random_state=2)
    return {
        "binary": ("classifier", xb, yb),
        "iris": ("classifier", xi, iris.target),
        "regression1": ("regressor", x1, y1 / y1.std()),
        "regression2": ("regressor", x2, y2 / y2.std(axis=0)),
    }


def initial_weights(data):
    cases = []
    for name, activation, hidden, seed in [("binary", "relu", (5,), 0), ("iris", "logistic", (4, 3), 42),
                                           ("regression2", "tanh", (6,), 7)]:
        kind, x, y = data[name]
        cls = MLPClassifier if kind == "classifier" else MLPRegressor
        coefs, intercepts = initialised(cls(hidden_layer_sizes=hidden, activation=activation, random_state=seed), x, y)
        cases.append({"data": name, "estimator": kind, "activation": activation, "hidden_layer_sizes": list(hidden),
                      "random_state": seed, "coefs": coefs, "intercepts": intercepts})
    return {"header": header("initial coefs_/intercepts_ of fit (the training loop replaced by nothing)"), "cases": cases}


SGD_FULL_BATCH = [
    ("sgd_plain", {"momentum": 0.0, "nesterovs_momentum": False}),
    ("sgd_momentum", {"momentum": 0.9, "nesterovs_momentum": False}),
    ("sgd_nesterov", {"momentum": 0.9, "nesterovs_momentum": True}),
]

PART_TWO = [
    ("adam", {"solver": "adam", "learning_rate_init": 0.01}),
    ("sgd_alpha", {"solver": "sgd", "alpha": 0.01, "momentum": 0.9}),
    ("sgd_minibatch_noshuffle", {"solver": "sgd", "batch_size": 16, "momentum": 0.9}),
    ("adam_minibatch_noshuffle", {"solver": "adam", "batch_size": 16, "learning_rate_init": 0.01}),
    ("sgd_invscaling", {"solver": "sgd", "learning_rate": "invscaling", "learning_rate_init": 0.5, "power_t": 0.5}),
    ("sgd_adaptive", {"solver": "sgd", "learning_rate": "adaptive", "tol": 0.05, "n_iter_no_change": 2}),
    ("lbfgs", {"solver": "lbfgs", "alpha": 0.0}),
]

# Part 3: scikit-learn's own row order (shuffle=True draws from the RandomState of the initial weights), its penalty
# with a shuffled last batch of another size, a tol-triggered stop, and early stopping with adam (a binary classifier's
# validation split is stratified, a multi-class one's is not: scikit-learn stratifies only when n_outputs_ == 1).
PART_THREE = [
    ("sgd_minibatch_shuffle", {"solver": "sgd", "batch_size": 16, "momentum": 0.9, "shuffle": True, "alpha": 0.001}),
    ("adam_minibatch_shuffle", {"solver": "adam", "batch_size": 16, "learning_rate_init": 0.01, "shuffle": True,
                                "alpha": 0.001}),
    ("adam_tol_stop", {"solver": "adam", "batch_size": 16, "learning_rate_init": 0.01, "shuffle": True, "alpha": 0.001,
                       "tol": 1e-3, "n_iter_no_change": 2, "max_iter": 200}),
    ("sgd_adaptive_end", {"solver": "sgd", "learning_rate": "adaptive", "learning_rate_init": 0.01, "momentum": 0.9,
                          "tol": 0.5, "n_iter_no_change": 1, "max_iter": 200}),
]
PART_THREE_EARLY = [
    ("adam_early_stopping", {"solver": "adam", "batch_size": 16, "learning_rate_init": 0.01, "shuffle": True,
                             "early_stopping": True, "validation_fraction": 0.2, "tol": 1e-3, "n_iter_no_change": 2,
                             "max_iter": 200}),
]

SETUPS = {  # data set: activation, hidden sizes, random_state, learning rate
    "binary": ("tanh", (5,), 0, 0.1),
    "iris": ("relu", (4, 3), 1, 0.1),
    "regression1": ("logistic", (5,), 2, 0.05),
    "regression2": ("relu", (6,), 3, 0.05),
}


def fit_case(name, data_name, kind, x, y, settings, part):
    activation, hidden, seed, lr = SETUPS[data_name]
    p = {"hidden_layer_sizes": hidden, "activation": activation, "solver": "sgd", "alpha": 0.0,
         "batch_size": len(x), "learning_rate": "constant", "learning_rate_init": lr, "max_iter": EPOCHS,
         "shuffle": False, "random_state": seed, "tol": 0.0, "n_iter_no_change": EPOCHS + 100}
    p.update(settings)
    cls = MLPClassifier if kind == "classifier" else MLPRegressor
    estimator = cls(**p)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        estimator.fit(x, y)
    case = {"name": f"{data_name}_{name}", "part": part, "data": data_name, "estimator": kind,
            "params": {k: plain(v) for k, v in p.items()},
            "loss_curve": [float(v) for v in getattr(estimator, "loss_curve_", [estimator.loss_])],
            "n_iter": int(estimator.n_iter_),
            "validation_scores": [float(v) for v in (getattr(estimator, "validation_scores_", None) or [])],
            "coefs": [c.tolist() for c in estimator.coefs_], "intercepts": [b.tolist() for b in estimator.intercepts_],
            "predict": estimator.predict(x).tolist()}
    if kind == "classifier":
        case["predict_proba"] = estimator.predict_proba(x).tolist()
    return case


WARM_STARTS = [  # name, data set, settings, max_iter of each fit
    ("warm_after_max_iter", "regression1", {"solver": "adam", "batch_size": 16, "learning_rate_init": 0.01, "shuffle": True,
                                            "alpha": 0.001, "tol": 1e-3, "n_iter_no_change": 2}, [15, 40]),
    ("warm_after_convergence", "regression1", {"solver": "adam", "batch_size": 16, "learning_rate_init": 0.01,
                                               "shuffle": True, "alpha": 0.001, "tol": 1e-3, "n_iter_no_change": 2},
     [200, 200]),
    ("warm_binary", "binary", {"solver": "sgd", "batch_size": 16, "momentum": 0.9, "shuffle": True, "alpha": 0.001,
                               "tol": 1e-2, "n_iter_no_change": 3}, [10, 60]),
]


def warm_starts(data):
    """warm_start=True fitted once per max_iter: what each fit leaves (scikit-learn carries best_loss_ and the count)."""
    cases = []
    for name, data_name, settings, max_iters in WARM_STARTS:
        kind, x, y = data[data_name]
        activation, hidden, seed, lr = SETUPS[data_name]
        p = {"hidden_layer_sizes": hidden, "activation": activation, "learning_rate_init": lr, "random_state": seed,
             "warm_start": True}
        p.update(settings)
        estimator = (MLPClassifier if kind == "classifier" else MLPRegressor)(**p)
        fits = []
        for max_iter in max_iters:
            estimator.set_params(max_iter=max_iter)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                estimator.fit(x, y)
            fits.append({"max_iter": max_iter, "loss_curve": [float(v) for v in estimator.loss_curve_],
                         "n_iter": int(estimator.n_iter_), "best_loss": float(estimator.best_loss_),
                         "no_improvement_count": int(estimator._no_improvement_count),
                         "coefs": [c.tolist() for c in estimator.coefs_],
                         "intercepts": [b.tolist() for b in estimator.intercepts_]})
        cases.append({"name": name, "data": data_name, "estimator": kind,
                      "params": {k: plain(v) for k, v in p.items()}, "fits": fits})
    return cases


STRATIFIED = [  # labels, validation fraction, seed
    ([0] * 7 + [1] * 12, 0.3, 0),
    ([1, 0] * 9 + [1], 0.15, 5),
    ([0] * 30 + [1] * 11, 0.1, 42),
]


def stratified_splits():
    """The indices of train_test_split(stratify=y) as MLPClassifier's early stopping draws them (binarized y, one column)."""
    cases = []
    for labels, fraction, seed in STRATIFIED:
        y = np.array(labels).reshape(-1, 1)
        train, test = train_test_split(np.arange(len(labels)), test_size=fraction, random_state=np.random.RandomState(seed),
                                       stratify=y)
        cases.append({"labels": labels, "fraction": fraction, "seed": seed, "train": train.tolist(),
                      "validation": test.tolist()})
    return cases


def defaults(data):
    """scikit-learn's defaults (adam, relu, 100 units, alpha 1e-4, batch 'auto', shuffle=True) with random_state=0 and 30 epochs."""
    cases = {}
    for data_name in ("binary", "regression1"):
        kind, x, y = data[data_name]
        estimator = (MLPClassifier if kind == "classifier" else MLPRegressor)(random_state=0, max_iter=30)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            estimator.fit(x, y)
        cases[data_name] = {"loss_curve": [float(v) for v in estimator.loss_curve_], "n_iter": int(estimator.n_iter_),
                            "predict": estimator.predict(x).tolist(), "score": float(estimator.score(x, y))}
    return cases


def steps(data):
    cases = []
    for data_name, (kind, x, y) in data.items():
        for name, settings in SGD_FULL_BATCH:
            cases.append(fit_case(name, data_name, kind, x, y, settings, 1))
        for name, settings in PART_TWO:
            cases.append(fit_case(name, data_name, kind, x, y, settings, 2))
        for name, settings in PART_THREE + PART_THREE_EARLY:
            cases.append(fit_case(name, data_name, kind, x, y, settings, 3))
    return {"header": header(f"{EPOCHS} epochs from random_state's initial weights; part 1: full-batch sgd, alpha 0, "
                             "constant rate, tol 0; part 2: for the second part of issue 16; part 3: shuffle=True, tol stops, early stopping"),
            "data": {n: {"x": x.tolist(), "y": y.tolist()} for n, (k, x, y) in data.items()},
            "cases": cases,
            "warm_starts": warm_starts(data),
            "stratified_splits": stratified_splits(),
            "defaults": defaults(data)}


def write(name, content):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(content, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    data = datasets()
    write("params.json", params())
    write("initial_weights.json", initial_weights(data))
    write("steps.json", steps(data))
