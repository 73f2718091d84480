"""scikit-learn's class weights, for the estimators' class_weight parameter (mlpkit's extension).

Writes dsl/src/test/resources/mlpkit/estimator/class_weight.json, read by dsl's ClassWeightTest. Run from the
repository root:

    /usr/bin/python3 scripts/generate_class_weight_fixtures.py

Each case: the labels y, the sorted classes, and sklearn.utils.class_weight.compute_class_weight('balanced',
classes=classes, y=y) = n_samples / (n_classes * np.bincount(y)), one weight per class in sorted order.
"""
import json
import numpy as np
import sklearn
from sklearn.utils.class_weight import compute_class_weight

HEADER = ("/usr/bin/python3 scripts/generate_class_weight_fixtures.py: scikit-learn %s "
          "compute_class_weight('balanced', classes=np.unique(y), y=y)" % sklearn.__version__)

cases = {
    "binary": [0, 1, 0, 1, 1, 0, 0, 1, 0, 0],
    "three": [2, 0, 1, 2, 2, 0, 2, 1, 2, 2, 0, 2],
    "names": ["Gentoo", "Adelie", "Adelie", "Chinstrap", "Adelie", "Gentoo", "Adelie"],
}
out = {"header": HEADER, "cases": {}}
for name, y in cases.items():
    y = np.array(y)
    classes = np.unique(y)
    weights = compute_class_weight("balanced", classes=classes, y=y)
    out["cases"][name] = {"y": [str(v) for v in y], "classes": [str(c) for c in classes], "balanced": weights.tolist()}
with open("dsl/src/test/resources/mlpkit/estimator/class_weight.json", "w") as f:
    json.dump(out, f, indent=1)
