#!/usr/bin/env bash
# bench/checkpoint-resume.sh [EPOCHS] [KILL_AT]: what a checkpoint every epoch costs, and what resuming costs.
#
# A tiny network (2 → 8 tanh → 2 softmax) on 200 moons, full batches, EPOCHS epochs (default 10000), a checkpoint
# every epoch. Three timed runs of ./mlp run --quiet, each in a fresh temporary folder:
#   straight   the whole run, never interrupted;
#   killed     the same run, killed with SIGKILL once its checkpoint history holds KILL_AT epochs (default EPOCHS/2);
#   resumed    ./mlp run --resume on the killed run's directory, to the end.
# Prints the three wall times, killed + resumed against straight (the brief's bar: less than 2 ×), and checks that
# the resumed run's final weights equal the straight run's (model.json's "parameters", text for text).
# Needs the jar built (./mlp builds it first when stale; that build is not timed). Not part of `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-10000}"
kill_at="${2:-$((epochs / 2))}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat >"$work/spec.json" <<JSON
{
  "name": "checkpointed",
  "data": { "source": { "type": "generator", "generator": "make_moons", "params": { "n_samples": 200, "noise": 0.2, "random_state": 1 } } },
  "network": "network < dense(8, tanh); dense(2, softmax) >",
  "training": { "loss": "softmax-ce", "optimizer": { "type": "adam", "lr": 0.01 }, "epochs": $epochs, "batchSize": "full", "seed": 3,
                "callbacks": [ { "type": "checkpoint", "every": 1 } ] }
}
JSON

./mlp --version >/dev/null # builds the jar when stale, outside the timings
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
parameters() { awk '/"parameters": \[/ { on = 1; next } on && /\]/ { exit } on { print }' "$1"; }

start="$(now)"
./mlp run "$work/spec.json" --quiet --no-report --out "$work/straight" >/dev/null
straight="$(seconds "$start" "$(now)")"

start="$(now)"
./mlp run "$work/spec.json" --quiet --no-report --out "$work/killed" >/dev/null 2>&1 &
pid=$!
log=""
while kill -0 "$pid" 2>/dev/null; do
  log="$(find "$work/killed" -name history.jsonl 2>/dev/null | head -1 || true)"
  if [[ -n "$log" && "$(wc -l <"$log")" -ge "$kill_at" ]]; then kill -9 "$pid"; break; fi
  sleep 0.05
done
wait "$pid" 2>/dev/null || true
killed="$(seconds "$start" "$(now)")"
run_dir="$(dirname "$(dirname "$log")")"
[[ ! -f "$run_dir/model.json" ]] || { echo "bench: the run ended before it was killed; raise EPOCHS or lower KILL_AT" >&2; exit 1; }
killed_epochs="$(wc -l <"$run_dir/checkpoint/history.jsonl")"

start="$(now)"
./mlp run "$work/spec.json" --resume "$run_dir" --quiet --no-report >/dev/null
resumed="$(seconds "$start" "$(now)")"

same="no"
cmp -s <(parameters "$work"/straight/*/model.json) <(parameters "$run_dir/model.json") && same="yes"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "epochs $epochs, a checkpoint every epoch"
echo "straight            ${straight} s"
echo "killed at epoch ~$killed_epochs   ${killed} s"
echo "resumed to $epochs     ${resumed} s"
awk -v s="$straight" -v k="$killed" -v r="$resumed" 'BEGIN { printf "killed + resumed    %.2f s = %.2f × straight (bar: < 2 ×)\n", k + r, (k + r) / s }'
echo "final weights equal to the straight run's: $same"
[[ "$same" == yes ]]
