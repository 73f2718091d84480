#!/usr/bin/env bash
# mlpkit on Spark against Spark MLlib's MultilayerPerceptronClassifier, in local[2] (spark module, test sources:
# mlpkit.spark.bench.SparkVsMllib): E3's data (20-8-3-2) and MNIST (784-128-10, skipped with a note when its IDX
# files are absent), L-BFGS for the same iterations, medians of 3 alternating runs of time per iteration and
# train/test accuracy. Arguments go to the benchmark (e3=100 mnist=20 runs=3 partitions=2); Maven options through
# MVN_OPTS, e.g. MVN_OPTS="-o -Dmaven.repo.local=/tmp/m2" bench/spark-vs-mllib.sh e3=50 mnist=0
# Builds and installs core and data first (BENCH_SKIP_INSTALL=1 skips that when they are installed and unchanged). Looks for MNIST in $MLP_DATA_DIR/mnist, else /work/shared/data/mnist if present.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${MLP_DATA_DIR:-}" && -d /work/shared/data/mnist ]]; then
  export MLP_DATA_DIR=/work/shared/data
fi
if [[ -z "${BENCH_SKIP_INSTALL:-}" ]]; then
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_OPTS:-} -pl core,data install -DskipTests
fi
# shellcheck disable=SC2086
exec mvn -B -q ${MVN_OPTS:-} -pl spark -Pbench test-compile exec:exec -Dbench.args="$*"
