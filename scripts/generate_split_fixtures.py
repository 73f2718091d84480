#!/usr/bin/python3
"""Row indices of scikit-learn's train_test_split(shuffle=True) for mlpkit's ShuffleSplit test.

Run from the repository root:  /usr/bin/python3 scripts/generate_split_fixtures.py
Writes data/src/test/resources/mlpkit/data/fixtures/sklearn_train_test_split.json.
"""
import json
import numpy as np
import sklearn
from sklearn.model_selection import train_test_split

CASES = [(150, 0.2, 42), (442, 0.2, 0), (569, 0.25, 7), (20, 0.33, 4294967295), (10, 0.5, 1)]
out = {
    "header": "/usr/bin/python3 scripts/generate_split_fixtures.py (scikit-learn %s, numpy %s)" % (sklearn.__version__, np.__version__),
    "cases": [],
}
for rows, test, seed in CASES:
    train_idx, test_idx = train_test_split(np.arange(rows), test_size=test, random_state=seed, shuffle=True)
    out["cases"].append({"rows": rows, "test": test, "randomState": seed,
                         "train": train_idx.tolist(), "testRows": test_idx.tolist()})
with open("data/src/test/resources/mlpkit/data/fixtures/sklearn_train_test_split.json", "w") as f:
    json.dump(out, f)
    f.write("\n")
