#!/usr/bin/python3
"""scikit-learn's MLP with solver='lbfgs' from recorded initial weights, for LbfgsScikitLearnTest (dsl).

Run with Debian's python3 (scikit-learn 1.2.1, scipy 1.10.1 when these fixtures were made):

    /usr/bin/python3 scripts/generate_mlp_lbfgs_fixtures.py

It writes dsl/src/test/resources/mlpkit/dsl/lbfgs/sklearn_mlp_lbfgs.json (path taken relative to this file):

- "e3": examples/e3.json's data (make_classification with its parameters; the first 80 % of the rows as training
  rows, as e3.json's unshuffled split), MLPClassifier(hidden_layer_sizes=(8, 3), activation='logistic'), a
  logistic output and log-loss: mlpkit's network < dense(8, sigmoid); dense(3, sigmoid); dense(1, sigmoid) > with bce.
- "diabetes": load_diabetes(), features and target standardised over all 442 rows (mean 0, population std 1) and all
  rows used for training; MLPRegressor(hidden_layer_sizes=(10,), activation='tanh'), identity output and squared
  error (mean of (y - y_hat)^2 / 2 = mlpkit's half-sse with mean reduction for one output). The standardised rows are
  written into the fixture so both sides train on the same numbers.

"e3_defaults" and "diabetes_defaults": the same networks, data and initial weights at scikit-learn's defaults
(alpha=1e-4, max_iter=200, tol=1e-4, max_fun=15000). "diabetes_small": standardised diabetes with
MLPRegressor(hidden_layer_sizes=(3,), activation='tanh') at the same defaults, a network small enough for the two
sides' iterates to agree for many iterations. Every case also records scipy's nfev and message, and "losses": the
objective (scikit-learn's loss) at the start and after each iteration, recorded by a callback added to the
scipy.optimize.minimize call scikit-learn makes (the call itself is unchanged).

Initial weights are scikit-learn's own initialisation (MLP._init_coef with RandomState(0)), written in mlpkit's flat
layout (per layer W row by row, inputs x units, then b). The fit starts from them with warm_start (a first fit of one
iteration creates the estimator's attributes; its weights are then replaced). Recorded per case: alpha, max_iter,
max_fun, tol, the data loss at the initial weights, and after the fit loss_ (mean loss + alpha/(2n)·||W||^2),
n_iter_ and the final weights. mlpkit's weightDecay is lambda = alpha / n_train.
"""
import json
import os
import warnings

import numpy as np
import scipy
import scipy.optimize
import sklearn
from sklearn.datasets import load_diabetes, make_classification
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "dsl", "src", "test", "resources", "mlpkit", "dsl", "lbfgs", "sklearn_mlp_lbfgs.json")
COMMAND = "/usr/bin/python3 scripts/generate_mlp_lbfgs_fixtures.py"


RECORDED = []
REAL_MINIMIZE = scipy.optimize.minimize


def recording_minimize(fun, x0, args=(), **options):
    """scikit-learn's scipy.optimize.minimize call with a callback that records the objective after each iteration."""
    last = {}

    def wrapped(x, *a):
        f, g = fun(x, *a)
        last["f"] = float(f)
        return f, g

    curve = [float(fun(x0.copy(), *args)[0])]
    result = REAL_MINIMIZE(wrapped, x0, args=args, callback=lambda xk: curve.append(last["f"]), **options)
    RECORDED.append((curve, result))
    return result


scipy.optimize.minimize = recording_minimize


def initial_weights(mlp, sizes):
    mlp._random_state = np.random.RandomState(0)
    coefs, intercepts = [], []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        w, b = mlp._init_coef(fan_in, fan_out, np.float64)
        coefs.append(w)
        intercepts.append(b)
    return coefs, intercepts


def flat(coefs, intercepts):
    out = []
    for w, b in zip(coefs, intercepts):
        out.extend(np.asarray(w, dtype=np.float64).ravel(order="C").tolist())
        out.extend(np.asarray(b, dtype=np.float64).ravel().tolist())
    return out


def fit_from(mlp, coefs, intercepts, x, y, max_iter):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        mlp.set_params(warm_start=True, max_iter=1)
        mlp.fit(x, y)
        mlp.coefs_ = [w.copy() for w in coefs]
        mlp.intercepts_ = [b.copy() for b in intercepts]
        initial = data_loss(mlp, x, y)
        mlp.set_params(max_iter=max_iter)
        mlp.fit(x, y)
    return initial


def data_loss(mlp, x, y):
    if isinstance(mlp, MLPClassifier):
        p = np.clip(mlp.predict_proba(x)[:, 1], 1e-15, 1 - 1e-15)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    return float(np.mean((y - mlp.predict(x)) ** 2) / 2)


def case(mlp, sizes, x, y, max_iter, extra):
    coefs, intercepts = initial_weights(mlp, sizes)
    initial = fit_from(mlp, coefs, intercepts, x, y, max_iter)
    penalty = mlp.alpha / (2 * len(x)) * sum(float((w ** 2).sum()) for w in mlp.coefs_)
    out = {
        "alpha": mlp.alpha, "max_iter": max_iter, "max_fun": mlp.max_fun, "tol": mlp.tol, "n_train": len(x),
        "weightDecay": mlp.alpha / len(x),
        "initial_parameters": flat(coefs, intercepts),
        "initial_data_loss": initial,
        "loss": float(mlp.loss_), "final_data_loss": data_loss(mlp, x, y), "final_penalty": penalty,
        "n_iter": int(mlp.n_iter_),
        "final_parameters": flat(mlp.coefs_, mlp.intercepts_),
        "nfev": int(RECORDED[-1][1].nfev),
        "message": RECORDED[-1][1].message,
        "losses": RECORDED[-1][0],
    }
    out.update(extra)
    return out


def e3_data():
    x, y = make_classification(n_samples=5000, n_features=20, n_informative=15, n_redundant=3, n_repeated=0,
                               n_classes=2, flip_y=0.05, class_sep=1.0, shuffle=True, random_state=42)
    return x[:4000], y[:4000]


def e3(alpha=1.0, max_iter=3000):
    x, y = e3_data()
    mlp = MLPClassifier(hidden_layer_sizes=(8, 3), activation="logistic", solver="lbfgs", alpha=alpha, tol=1e-4,
                        max_fun=15000, random_state=0)
    return case(mlp, [20, 8, 3, 1], x, y, max_iter, {"first_row": x[0].tolist(), "first_labels": y[:10].tolist()})


def diabetes_data():
    x, y = load_diabetes(return_X_y=True)
    return (x - x.mean(axis=0)) / x.std(axis=0), (y - y.mean()) / y.std()


def diabetes(alpha=1.0, max_iter=3000, hidden=10, with_rows=True):
    x, y = diabetes_data()
    mlp = MLPRegressor(hidden_layer_sizes=(hidden,), activation="tanh", solver="lbfgs", alpha=alpha, tol=1e-4,
                       max_fun=15000, random_state=0)
    return case(mlp, [10, hidden, 1], x, y, max_iter, {"x": x.tolist(), "y": y.tolist()} if with_rows else {})


def main():
    fixture = {
        "header": {"command": COMMAND, "sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__},
        "e3": e3(),
        "diabetes": diabetes(),
        "e3_defaults": e3(alpha=1e-4, max_iter=200),
        "diabetes_defaults": diabetes(alpha=1e-4, max_iter=200, with_rows=False),
        "diabetes_small": diabetes(alpha=1e-4, max_iter=200, hidden=3, with_rows=False),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    for name in ("e3", "diabetes", "e3_defaults", "diabetes_defaults", "diabetes_small"):
        c = fixture[name]
        print(name, "loss_", c["loss"], "n_iter_", c["n_iter"], "nfev", c["nfev"], c["message"],
              "initial data loss", c["initial_data_loss"])


if __name__ == "__main__":
    main()
