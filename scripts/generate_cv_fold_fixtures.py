#!/usr/bin/python3
"""Fold indices of scikit-learn's KFold, StratifiedKFold, RepeatedKFold and RepeatedStratifiedKFold for mlpkit's
ScikitLearnFoldsTest.

Run from the repository root:  /usr/bin/python3 scripts/generate_cv_fold_fixtures.py
Writes data/src/test/resources/mlpkit/data/fixtures/sklearn_cv_folds.json.
"""
import json
import numpy as np
import sklearn
from sklearn.model_selection import KFold, StratifiedKFold, RepeatedKFold, RepeatedStratifiedKFold

# (kind, rows or labels, folds, repeats, random_state); random_state None means shuffle=False.
iris_like = [0] * 50 + [1] * 50 + [2] * 50
uneven = [2, 0, 2, 1, 0, 2, 2, 0, 1, 2, 0, 2, 1, 2, 2, 0, 2, 2, 1, 0, 2, 2, 0]
CASES = [
    ("kfold", 10, 3, 1, 0),
    ("kfold", 150, 5, 1, 42),
    ("kfold", 23, 4, 1, 4294967295),
    ("kfold", 11, 3, 1, None),
    ("stratified", iris_like, 5, 1, 42),
    ("stratified", uneven, 3, 1, 7),
    ("stratified", uneven, 4, 1, None),
    ("repeated", 17, 4, 3, 1),
    ("repeatedStratified", uneven, 3, 2, 5),
]
out = {
    "header": "/usr/bin/python3 scripts/generate_cv_fold_fixtures.py (scikit-learn %s, numpy %s)" % (sklearn.__version__, np.__version__),
    "cases": [],
}
for kind, data, folds, repeats, seed in CASES:
    labels = data if isinstance(data, list) else None
    rows = len(labels) if labels else data
    X = np.zeros((rows, 1))
    if kind == "kfold":
        cv = KFold(folds, shuffle=seed is not None, random_state=seed)
    elif kind == "stratified":
        cv = StratifiedKFold(folds, shuffle=seed is not None, random_state=seed)
    elif kind == "repeated":
        cv = RepeatedKFold(n_splits=folds, n_repeats=repeats, random_state=seed)
    else:
        cv = RepeatedStratifiedKFold(n_splits=folds, n_repeats=repeats, random_state=seed)
    splits = [{"train": tr.tolist(), "test": te.tolist()} for tr, te in cv.split(X, labels)]
    out["cases"].append({"kind": kind, "rows": rows, "labels": labels, "folds": folds, "repeats": repeats,
                         "randomState": seed, "splits": splits})
with open("data/src/test/resources/mlpkit/data/fixtures/sklearn_cv_folds.json", "w") as f:
    json.dump(out, f)
    f.write("\n")
