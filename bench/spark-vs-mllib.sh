#!/usr/bin/env bash
# mlpkit on Spark against Spark MLlib's MultilayerPerceptronClassifier, in local[2] (spark module, test sources:
# mlpkit.spark.bench.SparkVsMllib): E3's data (20-8-3-2) and MNIST (784-128-10, skipped with a note when its IDX
# files are absent), L-BFGS for the same number of iterations. Each trainer runs in a JVM of its own (MLlib's BLAS
# also uses the JDK's Vector API; sharing a JVM's compiled code with it slowed mlpkit's kernels), RUNS rounds of one
# JVM per trainer in alternating order, each JVM a warm-up and one counted run per data set; then the medians of
# time per iteration and per evaluation, evaluations per iteration, fit time and train/test accuracy.
#
#   bench/spark-vs-mllib.sh [e3=100] [mnist=20] [partitions=2]        (mnist=0 skips MNIST)
#   RUNS=3 (rounds), MVN_OPTS="-o -Dmaven.repo.local=/tmp/m2" (Maven options), BENCH_SKIP_INSTALL=1 (core, data, dsl
#   and app are installed and unchanged). Looks for MNIST in $MLP_DATA_DIR/mnist, else /work/shared/data/mnist if present.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${MLP_DATA_DIR:-}" && -d /work/shared/data/mnist ]]; then
  export MLP_DATA_DIR=/work/shared/data
fi
# Spark binds to this address (else it warns that the hostname resolves to loopback and picks eth0's).
export SPARK_LOCAL_IP=127.0.0.1
runs=${RUNS:-3}
if [[ -z "${BENCH_SKIP_INSTALL:-}" ]]; then
  # The spark module's test class path holds core, data and (for its end-to-end tests) dsl and app.
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_OPTS:-} -pl spark -am install -DskipTests
fi
# shellcheck disable=SC2086
mvn -B -q ${MVN_OPTS:-} -pl spark test-compile
results=$(mktemp)
trap 'rm -f "$results"' EXIT
lscpu | grep -E '^(Model name|CPU\(s\)|Flags)' | cut -c1-200
for ((r = 0; r < runs; r++)); do
  if ((r % 2 == 0)); then order="mlpkit mllib"; else order="mllib mlpkit"; fi
  for trainer in $order; do
    echo "--- round $((r + 1)) of $runs: $trainer"
    # shellcheck disable=SC2086
    mvn -B -q ${MVN_OPTS:-} -pl spark -Pbench exec:exec -Dbench.args="runs=1 trainer=$trainer seed=$((r + 1)) $*" \
      | grep -v '^\[' | tee -a "$results" | grep -v '^RESULT'
  done
done
echo
echo "=== medians over $runs JVMs per trainer (ms per iteration and per evaluation: the optimisation alone)"
grep '^RESULT' "$results" | python3 -c '
import sys, statistics
rows = {}
for line in sys.stdin:
    _, data, trainer, *values = line.rstrip("\n").split("\t")
    rows.setdefault((data, trainer), []).append([float(v) for v in values])
names = ["ms/iteration", "ms/evaluation", "evaluations/iteration", "fit ms", "train accuracy", "test accuracy"]
for (data, trainer), runs in rows.items():
    medians = [statistics.median(column) for column in zip(*runs)]
    print(f"{data:6s} {trainer:7s} " + "  ".join(f"{n} {m:.4g}" for n, m in zip(names, medians)) + f"  ({len(runs)} runs)")
'
