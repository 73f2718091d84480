#!/usr/bin/python3
"""The 5-fold cross-validated accuracy a scikit-learn pipeline reaches on the Palmer penguins, on fixed folds.

Run from the repository root:  /usr/bin/python3 scripts/penguins_baseline.py > scripts/penguins_baseline.txt

The task of mlpkit's examples/penguins.json: species from every other column of penguins.csv (the built-in set
`penguins`; island and sex are categorical, `NA` marks a missing value). The pipeline is the one a scikit-learn
user writes:

    ColumnTransformer([
        numeric columns  -> SimpleImputer(strategy="mean")          -> StandardScaler(),
        island, sex      -> SimpleImputer(strategy="most_frequent") -> OneHotEncoder(handle_unknown="error"),
    ]) -> MLPClassifier(hidden_layer_sizes=(16,), max_iter=2000, random_state=seed)

Folds: StratifiedKFold(n_splits=5, shuffle=True, random_state=0), which mlpkit reproduces fold for fold with
"validation": {"cv": 5, "randomState": 0}. The pipeline is fitted inside each fold (cross_validate clones it),
so no statistic of a held-out fold reaches its training rows. The figure is the mean test accuracy over the
folds for MLP seed 0; seeds 0..4 give the spread. No pandas: the file is read with the csv module into an
object array, `NA` becoming NaN.
"""
import csv
import datetime
import pathlib
import warnings

import numpy as np
import scipy
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

warnings.filterwarnings("ignore", category=ConvergenceWarning)

FILE = pathlib.Path("data/src/main/resources/mlpkit/data/tabular/penguins.csv")
FALLBACK = pathlib.Path("../shared/data/tabular/penguins.csv")
TARGET = "species"
CATEGORICAL = ["island", "sex"]
FOLDS, FOLD_SEED = 5, 0
HIDDEN = (16,)


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    target = header.index(TARGET)
    columns = [c for c in range(len(header)) if c != target]
    names = [header[c] for c in columns]
    x = np.empty((len(body), len(columns)), dtype=object)
    for i, row in enumerate(body):
        for j, c in enumerate(columns):
            text = row[c]
            if text == "NA":
                x[i, j] = np.nan
            elif names[j] in CATEGORICAL:
                x[i, j] = text
            else:
                x[i, j] = float(text)
    y = np.array([row[target] for row in body])
    return names, x, y


def pipeline(names, seed):
    numeric = [j for j, n in enumerate(names) if n not in CATEGORICAL]
    categorical = [j for j, n in enumerate(names) if n in CATEGORICAL]
    columns = ColumnTransformer([
        ("numeric", make_pipeline(SimpleImputer(strategy="mean"), StandardScaler()), numeric),
        ("categorical", make_pipeline(SimpleImputer(strategy="most_frequent"),
                                      OneHotEncoder(handle_unknown="error", sparse_output=False)), categorical),
    ])
    return make_pipeline(columns, MLPClassifier(hidden_layer_sizes=HIDDEN, max_iter=2000, random_state=seed))


def main():
    path = FILE if FILE.exists() else FALLBACK
    names, x, y = read(path)
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=FOLD_SEED)
    print(f"# {datetime.date.today()} /usr/bin/python3 scripts/penguins_baseline.py; scikit-learn {sklearn.__version__}, "
          f"numpy {np.__version__}, scipy {scipy.__version__}")
    print(f"# {path}: {x.shape[0]} rows, features {', '.join(names)}; target {TARGET} "
          f"({', '.join(f'{c} {n}' for c, n in zip(*np.unique(y, return_counts=True)))})")
    print(f"# folds: StratifiedKFold(n_splits={FOLDS}, shuffle=True, random_state={FOLD_SEED}) "
          f"= mlpkit \"validation\": {{\"cv\": {FOLDS}, \"randomState\": {FOLD_SEED}}}")
    for k, (_, held_out) in enumerate(folds.split(x, y)):
        print(f"fold {k} held-out rows: {' '.join(map(str, held_out))}")
    means = []
    for seed in range(5):
        scores = cross_validate(pipeline(names, seed), x, y, cv=folds, scoring="accuracy")["test_score"]
        means.append(scores.mean())
        print(f"MLP seed {seed}: fold accuracies {', '.join(f'{s:.4f}' for s in scores)}; "
              f"mean {scores.mean():.4f}, std {scores.std():.4f}")
    print(f"penguins 5-fold CV accuracy (seed 0): {means[0]:.4f}; seeds 0..4 min {min(means):.4f}, max {max(means):.4f}")


if __name__ == "__main__":
    main()
