#!/usr/bin/python3
"""The figures a tuned scikit-learn MLP reaches on mlpkit's toy examples, on the same split.

Run from the repository root:  /usr/bin/python3 scripts/sklearn_toy_baselines.py > scripts/sklearn_toy_baselines.txt

For iris, breast-cancer (test accuracy) and diabetes (test R²): the rows are split by
train_test_split(test_size=0.2, random_state=42, shuffle=True), which mlpkit reproduces row for row with
"split": {"test": 0.2, "randomState": 42}. Features are standardised on the training rows (mlpkit's
"scaling": "standard"); diabetes's target is standardised too (mlpkit's "targetScaling": "standard",
TransformedTargetRegressor here). A small grid (hidden sizes, alpha, solver adam/lbfgs, learning rate) is
tuned by 5-fold cross-validation on the training rows only (random_state=0); the chosen model is then fitted
on all training rows with random_state 0..4 and scored on the test rows: the figure is seed 0's, the spread
the min..max over the 5 seeds.
"""
import datetime
import warnings

import numpy as np
import scipy
import sklearn
from sklearn.compose import TransformedTargetRegressor
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold, train_test_split
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore", category=ConvergenceWarning)

TEST, SPLIT_SEED = 0.2, 42
GRID = [
    {"hidden_layer_sizes": [(10,), (50,), (100,)], "alpha": [1e-4, 1e-2, 1.0], "solver": ["adam"],
     "learning_rate_init": [1e-3, 1e-2], "max_iter": [1000]},
    {"hidden_layer_sizes": [(10,), (50,), (100,)], "alpha": [1e-4, 1e-2, 1.0], "solver": ["lbfgs"], "max_iter": [1000]},
]


def classifier(**params):
    return make_pipeline(StandardScaler(), MLPClassifier(**params))


def regressor(**params):
    return TransformedTargetRegressor(make_pipeline(StandardScaler(), MLPRegressor(**params)), transformer=StandardScaler())


def prefixed(grid, prefix):
    return [{prefix + k: v for k, v in g.items()} for g in grid]


def run(name, load, make, prefix, cv, scoring, figure):
    x, y = load(return_X_y=True)
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=TEST, random_state=SPLIT_SEED, shuffle=True)
    search = GridSearchCV(make(random_state=0), prefixed(GRID, prefix), cv=cv, scoring=scoring, n_jobs=1)
    search.fit(x_train, y_train)
    best = {k[len(prefix):]: v for k, v in search.best_params_.items()}
    scores = []
    for seed in range(5):
        model = make(**{**best, "random_state": seed}).fit(x_train, y_train)
        scores.append(model.score(x_test, y_test))
    print(f"{name}: {len(x_train)} train / {len(x_test)} test rows; best by 5-fold CV ({scoring} {search.best_score_:.4f}): {best}")
    print(f"  test {figure} seed 0: {scores[0]:.4f}; seeds 0..4: " + ", ".join(f"{s:.4f}" for s in scores) +
          f"; min {min(scores):.4f}, max {max(scores):.4f}, spread {max(scores) - min(scores):.4f}")


print(f"# {datetime.date.today()} /usr/bin/python3 scripts/sklearn_toy_baselines.py; "
      f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, scipy {scipy.__version__}")
print(f"# split: train_test_split(test_size={TEST}, random_state={SPLIT_SEED}, shuffle=True) = mlpkit split {{test: {TEST}, randomState: {SPLIT_SEED}}}")
run("iris", load_iris, classifier, "mlpclassifier__", StratifiedKFold(5, shuffle=True, random_state=0), "accuracy", "accuracy")
run("breast-cancer", load_breast_cancer, classifier, "mlpclassifier__", StratifiedKFold(5, shuffle=True, random_state=0), "accuracy", "accuracy")
run("diabetes", load_diabetes, regressor, "regressor__mlpregressor__", KFold(5, shuffle=True, random_state=0), "r2", "R2")
