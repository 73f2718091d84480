#!/usr/bin/python3
"""scikit-learn's ColumnTransformer + SimpleImputer + OneHotEncoder + StandardScaler / MinMaxScaler on penguins,
for mlpkit's ColumnPipelineFixtureTest (data.table).

Run from the repository root:  /usr/bin/python3 scripts/generate_pipeline_fixtures.py
Writes data/src/test/resources/mlpkit/data/fixtures/sklearn_penguins_pipeline.json: per configuration the training
rows (0-based data rows of penguins.csv, from train_test_split(test_size=0.25, random_state=0)), the fitted
transformers' output on the training rows and on the other rows, and the output feature names.
Columns are transformed one transformer per column in file order, so the output columns are in mlpkit's order.
"""
import csv
import json
import numpy as np
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, StandardScaler

PATH = "data/src/main/resources/mlpkit/data/tabular/penguins.csv"
with open(PATH) as f:
    rows = list(csv.reader(f))
header, rows = rows[0], rows[1:]
features = [c for c in header if c != "species"]
CATEGORICAL = {"island", "sex"}


def cell(name, text):
    if text == "NA":
        return np.nan
    return text if name in CATEGORICAL else float(text)


X = np.array([[cell(n, r[header.index(n)]) for n in features] for r in rows], dtype=object)
train, test = train_test_split(np.arange(len(rows)), test_size=0.25, random_state=0)


def numeric(missing, scaling, fill=None):
    steps = []
    if missing is not None:
        steps.append(SimpleImputer(strategy=missing, fill_value=fill))
    if scaling == "standard":
        steps.append(StandardScaler())
    elif scaling == "minmax":
        steps.append(MinMaxScaler())
    return make_pipeline(*steps) if steps else "passthrough"


def categorical(missing, fill=None, unknown="error"):
    steps = []
    if missing is not None:
        steps.append(SimpleImputer(strategy=missing, fill_value=fill))
    steps.append(OneHotEncoder(handle_unknown=unknown, sparse_output=False))
    return make_pipeline(*steps)


CONFIGS = {
    # island and sex categorical (sex imputed with the most frequent), measurements with the mean, all standard-scaled.
    "mean_standard": {
        "island": categorical(None), "sex": categorical("most_frequent"), "year": numeric(None, "standard"),
        **{n: numeric("mean", "standard") for n in ["bill_length_mm", "bill_depth_mm", "flipper_length_mm"]},
        "body_mass_g": numeric("mean", "standard"),
    },
    # medians and min-max, body mass by its most frequent value, sex filled with 'unknown', year unscaled.
    "median_minmax": {
        "island": categorical(None, unknown="ignore"), "sex": categorical("constant", "unknown", "ignore"),
        "year": numeric(None, None),
        **{n: numeric("median", "minmax") for n in ["bill_length_mm", "bill_depth_mm", "flipper_length_mm"]},
        "body_mass_g": numeric("most_frequent", "minmax"),
    },
}

out = {
    "header": "/usr/bin/python3 scripts/generate_pipeline_fixtures.py (scikit-learn %s, numpy %s)" % (sklearn.__version__, np.__version__),
    "train": train.tolist(),
    "test": test.tolist(),
    "configs": [],
}
for name, per_column in CONFIGS.items():
    transformer = ColumnTransformer([(c, per_column[c], [i]) for i, c in enumerate(features)])
    transformer.fit(X[train])
    names = []
    for i, c in enumerate(features):
        step = transformer.named_transformers_[c]
        if step != "passthrough" and isinstance(step.steps[-1][1], OneHotEncoder):
            names += ["%s=%s" % (c, v) for v in step.steps[-1][1].categories_[0]]
        else:
            names.append(c)
    out["configs"].append({
        "name": name,
        "featureNames": names,
        "trainMatrix": transformer.transform(X[train]).astype(float).tolist(),
        "testMatrix": transformer.transform(X[test]).astype(float).tolist(),
    })
with open("data/src/test/resources/mlpkit/data/fixtures/sklearn_penguins_pipeline.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
