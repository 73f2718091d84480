#!/usr/bin/env bash
# The cost model of training on Spark in local[2] (docs/spark.md, "Cost model (measured)"), RUNS times each:
#  1. RoundOverhead (spark module, test sources): a synchronous round (one distributed objective evaluation) against
#     the same evaluation on one thread, and an averaging round of one local epoch, on E3-sized and MNIST-sized rows
#     and on 4 rows (pure overhead); medians of 30 rounds after 5 warm-up rounds.
#  2. Time per epoch of whole `mlp run`s (history.csv's duration_ms, median over the epochs after the first) on E3
#     (4,000 training rows, 20-8-3-1) and on MNIST (60,000 rows, 784-128-10; skipped when the IDX files are absent):
#     full-batch gradient descent here and on Spark (one synchronous round per epoch), Adam in mini-batches here
#     and on Spark by parameter averaging (one round per epoch).
# Then the medians over the RUNS and the load average at each run (the machine may be shared: read the ratios).
#
#   bench/spark-cost-model.sh            RUNS=3, MVN_OPTS="-o -Dmaven.repo.local=/tmp/m2" (Maven options),
#                                        MLP_DATA_DIR (MNIST in $MLP_DATA_DIR/mnist; else /work/shared/data if present)
# Needs `mvn -B -DskipTests install` (or at least package) done; builds the spark module's test classes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs=${RUNS:-3}
if [[ -z "${MLP_DATA_DIR:-}" && -d /work/shared/data/mnist ]]; then
  export MLP_DATA_DIR=/work/shared/data
fi
export SPARK_LOCAL_IP=127.0.0.1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086
mvn -B -q ${MVN_OPTS:-} -DskipTests package -pl spark -am >&2
# shellcheck disable=SC2086
mvn -B -q ${MVN_OPTS:-} -pl spark dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/test-classpath.txt" >&2
opens=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' spark/pom.xml)
log4j="-Dlog4j2.configurationFile=$root/spark/conf/log4j2-mlp.properties"
test_cp="spark/target/test-classes:spark/target/classes:$(cat "$work/test-classpath.txt")"
mlp_cp="app/target/mlp.jar:$(ls spark/target/mlpkit-spark-*.jar | head -1):$(cat spark/target/spark-classpath.txt)"

lscpu | grep -E '^(Model name|CPU\(s\))'
java -version 2>&1 | head -1

# The experiments of part 2: name, data source, network, training, cluster block (empty: here).
e3_data='"source": { "type": "generator", "generator": "make_classification", "params": { "n_samples": 5000, "n_features": 20, "n_informative": 15, "n_redundant": 3, "n_repeated": 0, "n_classes": 2, "flip_y": 0.05, "class_sep": 1.0, "shuffle": true, "random_state": 42 } }, "split": { "test": 0.2, "shuffle": false }'
e3_net='network < dense(8, sigmoid, weights=normal(0.1), bias=weights); dense(3, sigmoid, weights=normal(0.1), bias=weights); dense(1, sigmoid, weights=normal(0.1), bias=weights) >'
mnist_data='"source": { "type": "builtin", "set": "mnist" }, "scaling": "symmetric"'
mnist_net='network < dense(128, relu, weights=heNormal); dense(10, softmax) >'
experiment() { # name data network training cluster
  printf '{ "name": "%s", "data": { %s }, "network": "%s", "training": %s%s }\n' "$1" "$2" "$3" "$4" "${5:+, \"cluster\": $5}" > "$work/$1.json"
}
sync='{ "master": "local[2]", "strategy": "sync", "partitions": 2 }'
averaging='{ "master": "local[2]", "strategy": "averaging", "partitions": 2 }'
experiment e3-gd-here "$e3_data" "$e3_net" '{ "loss": "bce", "optimizer": { "type": "sgd", "lr": 1.0 }, "epochs": 60, "batchSize": "full", "seed": 0 }'
experiment e3-gd-sync "$e3_data" "$e3_net" '{ "loss": "bce", "optimizer": { "type": "sgd", "lr": 1.0 }, "epochs": 60, "batchSize": "full", "seed": 0 }' "$sync"
experiment e3-adam-here "$e3_data" "$e3_net" '{ "loss": "bce", "optimizer": { "type": "adam", "lr": 0.01 }, "epochs": 12, "batchSize": 32, "seed": 0 }'
experiment e3-adam-averaging "$e3_data" "$e3_net" '{ "loss": "bce", "optimizer": { "type": "adam", "lr": 0.01 }, "epochs": 12, "batchSize": 32, "seed": 0 }' "$averaging"
experiments=(e3-gd-here e3-gd-sync e3-adam-here e3-adam-averaging)
if [[ -f "${MLP_DATA_DIR:-/nonexistent}/mnist/train-images-idx3-ubyte.gz" ]]; then
  experiment mnist-gd-here "$mnist_data" "$mnist_net" '{ "loss": "softmax-ce", "optimizer": { "type": "sgd", "lr": 0.5 }, "epochs": 6, "batchSize": "full", "seed": 0 }'
  experiment mnist-gd-sync "$mnist_data" "$mnist_net" '{ "loss": "softmax-ce", "optimizer": { "type": "sgd", "lr": 0.5 }, "epochs": 6, "batchSize": "full", "seed": 0 }' "$sync"
  experiment mnist-adam-here "$mnist_data" "$mnist_net" '{ "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.001 }, "epochs": 3, "batchSize": 64, "seed": 0 }'
  experiment mnist-adam-averaging "$mnist_data" "$mnist_net" '{ "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.001 }, "epochs": 3, "batchSize": 64, "seed": 0 }' "$averaging"
  experiments+=(mnist-gd-here mnist-gd-sync mnist-adam-here mnist-adam-averaging)
else
  echo "(MNIST skipped: no \$MLP_DATA_DIR/mnist/train-images-idx3-ubyte.gz)"
fi

results="$work/results.tsv"
for ((r = 1; r <= runs; r++)); do
  echo "--- run $r of $runs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  java -Xmx4g --add-modules jdk.incubator.vector $opens "$log4j" -cp "$test_cp" mlpkit.spark.RoundOverhead 2>/dev/null | tee -a "$results.overhead"
  for name in "${experiments[@]}"; do
    # shellcheck disable=SC2086
    java -XX:MaxNewSize=64m $opens "$log4j" --add-modules jdk.incubator.vector -cp "$mlp_cp" mlpkit.app.MainKt \
      run "$work/$name.json" --quiet --no-report --out "$work/runs-$r" >/dev/null 2>"$work/$name.err" || { cat "$work/$name.err" >&2; exit 1; }
    history=$(ls -d "$work/runs-$r/$name"-*/history.csv | tail -1)
    ms=$(python3 -c 'import csv,statistics,sys; rows=list(csv.DictReader(open(sys.argv[1]))); print(statistics.median(float(r["duration_ms"]) for r in rows[1:]))' "$history")
    printf '%s\t%s\t%s\n' "$name" "$ms" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$results"
  done
done
echo
echo "=== medians over $runs runs: ms per epoch (epochs after the first), load average (1 min) at each run"
python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, ms, load = line.split()
    rows.setdefault(name, []).append((float(ms), load))
for name, values in rows.items():
    print(f"{name:22s} {statistics.median(v[0] for v in values):9.1f} ms/epoch   runs: {', '.join(f'{v[0]:.1f}' for v in values)}   load: {', '.join(v[1] for v in values)}")
PY
echo "=== RoundOverhead, per run"
grep -v '^blocks' "$results.overhead"
