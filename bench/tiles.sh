#!/usr/bin/env bash
# bench/tiles.sh [REPEATS] [CASE]: `./mlp bench CASE` (default c1) under every register tile of the product
# (-Dmlpkit.kernels=vector:RxC), on this machine's vectors and, with --emulate-avx2 or on a machine with
# AVX-512, again with HotSpot limited to AVX2 code and its 16 registers (-XX:UseAVX=2, then vector-256).
# Rounds alternate the tiles so that a shared machine's drift spreads over all of them. Prints one line a
# run: mode, tile, median seconds per epoch. The tile table in VectorTiles.preferred comes from this.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-2}"
case_="${2:-c1}"
tiles=(8x2 12x2 8x3 6x2 4x4 4x3)
modes=(native)
grep -q avx512f /proc/cpuinfo 2>/dev/null && modes+=(avx2-emulated)
printf '%-15s %-5s %-3s %12s\n' mode tile rep s_per_epoch
for r in $(seq 1 "$repeats"); do
  for mode in "${modes[@]}"; do
    extra=""
    [[ "$mode" == avx2-emulated ]] && extra="-XX:UseAVX=2"
    for t in "${tiles[@]}"; do
      out="$(MLP_JAVA_OPTS="$extra -Dmlpkit.kernels=vector:$t" ./mlp bench "$case_" 2>&1)"
      s="$(sed -n 's/.*median_s_per_epoch=\([0-9.]*\).*/\1/p' <<<"$out" | tail -1)"
      printf '%-15s %-5s %-3s %12s\n' "$mode" "$t" "$r" "$s"
    done
  done
done
