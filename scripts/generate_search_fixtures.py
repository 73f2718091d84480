#!/usr/bin/env python3
"""Fixtures of the estimators' cross-validation and search (mlpkit.estimator), from scikit-learn 1.2.1.

Writes dsl/src/test/resources/mlpkit/estimator/search.json: cross_validate(cv=5) of an MLPClassifier on
standardised iris and of an MLPRegressor on make_regression (unshuffled StratifiedKFold / KFold, as cv=5 does), the
folds' test indices, and GridSearchCV over a 2 x 2 grid (cv_results_, best_params_, best_score_, best_index_ and the
refitted best estimator's predictions), the shuffled folds of StratifiedKFold / KFold(5, shuffle=True, random_state=0)
and cross_validate with them, and RandomizedSearchCV's candidates for all-list distributions (ParameterSampler: every
branch of sample_without_replacement) plus one fitted search's cv_results_. Settings where mlpkit's estimators follow scikit-learn step for step
(docs/estimators.md): sgd, full batches ('auto' = all rows of a fold), a fixed random_state.

Run from the repository root: /usr/bin/python3 scripts/generate_search_fixtures.py
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_iris, make_regression
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import GridSearchCV, KFold, ParameterSampler, RandomizedSearchCV, StratifiedKFold, cross_validate
from sklearn.neural_network import MLPClassifier, MLPRegressor

COMMAND = "/usr/bin/python3 scripts/generate_search_fixtures.py"
OUT = os.path.join("dsl", "src", "test", "resources", "mlpkit", "estimator", "search.json")


def header(what):
    return {"generator": COMMAND, "sklearn": sklearn.__version__, "numpy": np.__version__, "what": what}


def plain(value):
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


def main():
    warnings.simplefilter("ignore", ConvergenceWarning)
    iris = load_iris()
    xi = (iris.data - iris.data.mean(axis=0)) / iris.data.std(axis=0)
    yi = iris.target
    xr, yr = make_regression(n_samples=50, n_features=3, noise=0.1, random_state=1)
    yr = yr / yr.std()

    clf_params = {"hidden_layer_sizes": (5,), "solver": "sgd", "learning_rate_init": 0.1, "max_iter": 30, "random_state": 0}
    cv_clf = cross_validate(MLPClassifier(**clf_params), xi, yi, cv=5)
    reg_params = {"hidden_layer_sizes": (6,), "solver": "sgd", "learning_rate_init": 0.05, "max_iter": 30, "random_state": 1}
    cv_reg = cross_validate(MLPRegressor(**reg_params), xr, yr, cv=5)

    grid_base = {"solver": "sgd", "max_iter": 30, "random_state": 0}
    grid = {"learning_rate_init": [0.01, 0.1], "hidden_layer_sizes": [(3,), (5,)]}
    search = GridSearchCV(MLPClassifier(**grid_base), grid, cv=5).fit(xi, yi)
    results = search.cv_results_

    shuffled_strat = StratifiedKFold(5, shuffle=True, random_state=0)
    shuffled_plain = KFold(5, shuffle=True, random_state=0)
    cv_clf_shuffled = cross_validate(MLPClassifier(**clf_params), xi, yi, cv=shuffled_strat)
    cv_reg_shuffled = cross_validate(MLPRegressor(**reg_params), xr, yr, cv=shuffled_plain)

    small = {"alpha": [1e-4, 1e-3, 1e-2], "learning_rate_init": [0.01, 0.1], "momentum": [0.5, 0.9]}
    big = {"alpha": [10.0 ** -k for k in range(1, 11)], "learning_rate_init": [0.01 * k for k in range(1, 11)],
           "momentum": [0.05 * k for k in range(1, 11)], "tol": [10.0 ** -k for k in range(2, 12)]}
    sampler_cases = []
    for name, dists, n_iter, seed in [("permutation", small, 3, 0), ("reservoir", small, 12, 1), ("capped", small, 20, 2),
                                      ("tracking", big, 10, 3)]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            drawn = list(ParameterSampler(dists, n_iter, random_state=seed))
        sampler_cases.append({"case": name, "distributions": dists, "n_iter": n_iter, "random_state": seed,
                              "params": [{k: plain(v) for k, v in p.items()} for p in drawn]})
    random_dists = {"learning_rate_init": [0.01, 0.05, 0.1], "hidden_layer_sizes": [(3,), (5,)]}
    random_search = RandomizedSearchCV(MLPClassifier(**grid_base), random_dists, n_iter=4, cv=5, random_state=7).fit(xi, yi)
    random_results = random_search.cv_results_

    content = {
        "header": header("cross_validate(cv=5) and GridSearchCV(cv=5) of MLPClassifier / MLPRegressor"),
        "iris": {"x": xi.tolist(), "y": yi.tolist()},
        "regression": {"x": xr.tolist(), "y": yr.tolist()},
        "stratified_test_folds": [t.tolist() for _, t in StratifiedKFold(5).split(xi, yi)],
        "kfold_test_folds": [t.tolist() for _, t in KFold(5).split(xr)],
        "cv_classifier": {"params": {k: plain(v) for k, v in clf_params.items()}, "test_score": cv_clf["test_score"].tolist()},
        "cv_regressor": {"params": {k: plain(v) for k, v in reg_params.items()}, "test_score": cv_reg["test_score"].tolist()},
        "stratified_shuffled_test_folds": [t.tolist() for _, t in shuffled_strat.split(xi, yi)],
        "kfold_shuffled_test_folds": [t.tolist() for _, t in shuffled_plain.split(xr)],
        "cv_classifier_shuffled": {"cv": "StratifiedKFold(5, shuffle=True, random_state=0)", "test_score": cv_clf_shuffled["test_score"].tolist()},
        "cv_regressor_shuffled": {"cv": "KFold(5, shuffle=True, random_state=0)", "test_score": cv_reg_shuffled["test_score"].tolist()},
        "parameter_sampler": sampler_cases,
        "random_search": {
            "base": grid_base,
            "distributions": {k: [plain(v) for v in vs] for k, vs in random_dists.items()},
            "n_iter": 4,
            "random_state": 7,
            "params": [{k: plain(v) for k, v in p.items()} for p in random_results["params"]],
            "mean_test_score": random_results["mean_test_score"].tolist(),
            "rank_test_score": random_results["rank_test_score"].tolist(),
        },
        "grid_search": {
            "base": grid_base,
            "grid": {k: [plain(v) for v in vs] for k, vs in grid.items()},
            "params": [{k: plain(v) for k, v in p.items()} for p in results["params"]],
            "split_test_scores": [results["split%d_test_score" % i].tolist() for i in range(5)],
            "mean_test_score": results["mean_test_score"].tolist(),
            "std_test_score": results["std_test_score"].tolist(),
            "rank_test_score": results["rank_test_score"].tolist(),
            "best_params": {k: plain(v) for k, v in search.best_params_.items()},
            "best_score": float(search.best_score_),
            "best_index": int(search.best_index_),
            "best_predict": search.best_estimator_.predict(xi).tolist(),
        },
    }
    with open(OUT, "w") as f:
        json.dump(content, f, indent=1)
        f.write("\n")
    print("wrote", OUT)
    print(json.dumps({k: content[k] for k in ["cv_classifier", "cv_regressor"]}))
    print(json.dumps({k: v for k, v in content["grid_search"].items() if k != "best_predict"}))


if __name__ == "__main__":
    main()
