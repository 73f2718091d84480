#!/usr/bin/env bash
# bench/compare.sh [REPEATS] [CASE...]: runs `./mlp bench` and the NumPy reference (bench/reference.py,
# Debian's python3-numpy) alternately, REPEATS times per case and thread count, and prints each pair's
# median seconds per epoch and their ratio (mlpkit / NumPy; below 1 is faster). Machines are shared and
# noisy: compare ratios from one sitting, and look at the spread across repeats.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"; shift || true
cases=("${@:-c1 c2 c3}")
[[ $# -eq 0 ]] && cases=(c1 c2 c3)
median() { sed -n 's/.*median_s_per_epoch=\([0-9.]*\).*/\1/p' | tail -1; }
rss() { sed -n 's/.*peak_rss_mib=\([0-9.]*\).*/\1/p' | tail -1; }
printf '%-4s %-7s %-3s %12s %12s %7s %10s %10s\n' case threads rep mlpkit_s numpy_s ratio mlpkit_MiB numpy_MiB
for c in "${cases[@]}"; do
  threads_list=(1)
  [[ "$c" == c1 ]] && threads_list=(1 2)
  for t in "${threads_list[@]}"; do
    for r in $(seq 1 "$repeats"); do
      ours="$(./mlp bench "$c" --threads "$t")"
      theirs="$(/usr/bin/python3 bench/reference.py "$c" --threads "$t")"
      o="$(median <<<"$ours")"; n="$(median <<<"$theirs")"
      printf '%-4s %-7s %-3s %12s %12s %7.2f %10s %10s\n' "$c" "$t" "$r" "$o" "$n" "$(echo "$o / $n" | bc -l)" "$(rss <<<"$ours")" "$(rss <<<"$theirs")"
    done
  done
done
