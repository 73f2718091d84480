#!/usr/bin/env bash
# bench/compare.sh [--emulate-avx2] [--no-torch] [REPEATS] [CASE...]
#
# One sitting of the speed comparison: for each case (default c1 c2 c3; c1 at 1 and 2 threads), REPEATS rounds
# (default 3) that alternate the contestants, so that a shared machine's drift spreads over all of them:
#   mlpkit       ./mlp bench CASE
#   numpy        bench/reference.py CASE, float64, OpenBLAS with this machine's OPENBLAS_* settings as they are
#   numpy-own    the same with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset: OpenBLAS picks its kernel for the CPU
#   torch        bench/reference.py CASE --torch, float32 (skipped with a note when python3-torch is missing)
# Each line gives the median seconds per epoch (per iteration for c3) of every contestant, and the ratios of
# mlpkit to the BEST NumPy run and to PyTorch (below 1: mlpkit is faster). The summary at the end gives the
# medians over the rounds and their ratios.
#
# --emulate-avx2 measures an AVX2 machine on an AVX-512 one: HotSpot with -XX:UseAVX=2 (AVX2 code, 16 vector
# registers, mlpkit's vector-256 kernel), OpenBLAS's AVX2 kernel (OPENBLAS_CORETYPE=Haswell, for both NumPy
# runs: it is what OpenBLAS picks on an AVX2 CPU) and PyTorch's (ATEN_CPU_CAPABILITY=avx2). Every figure it
# prints then says "emulated".
#
# --no-torch leaves PyTorch out (its C2, 3000 epochs of 15-row batches, takes minutes a run).
set -euo pipefail
cd "$(dirname "$0")/.."
emulate=0
want_torch=1
while [[ "${1:-}" == --* ]]; do
  case "$1" in
    --emulate-avx2) emulate=1 ;;
    --no-torch) want_torch=0 ;;
    *) echo "compare.sh: unknown option $1 (expected --emulate-avx2, --no-torch, REPEATS, CASE...)" >&2; exit 2 ;;
  esac
  shift
done
repeats=3
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then repeats="$1"; shift; fi
cases=("$@")
[[ ${#cases[@]} -eq 0 ]] && cases=(c1 c2 c3)
py=/usr/bin/python3

cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
if grep -qw avx512f /proc/cpuinfo; then isa=AVX-512; elif grep -qw avx2 /proc/cpuinfo; then isa=AVX2; else isa="no AVX2"; fi
mode="real ($isa)"
mlp_opts="${MLP_JAVA_OPTS:-}"
np_env=(); own_env=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE); torch_env=()
if [[ $emulate -eq 1 ]]; then
  [[ "$isa" == AVX-512 ]] || { echo "compare.sh: --emulate-avx2 needs an AVX-512 machine (this one has $isa)" >&2; exit 2; }
  mode="AVX2 emulated on $isa (-XX:UseAVX=2, OPENBLAS_CORETYPE=Haswell, ATEN_CPU_CAPABILITY=avx2)"
  mlp_opts="$mlp_opts -XX:UseAVX=2"
  np_env=(env OPENBLAS_CORETYPE=Haswell); own_env=(env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Haswell)
  torch_env=(env ATEN_CPU_CAPABILITY=avx2)
fi
have_torch=$want_torch
[[ $have_torch -eq 1 ]] && { $py -c 'import torch' 2>/dev/null || have_torch=0; }

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" | tail -1; }
ratio() { if [[ -n "$1" && -n "$2" ]]; then echo "$1 / $2" | bc -l | xargs printf '%.2f'; else echo -; fi; }
min2() { if [[ -z "$2" ]]; then echo "$1"; elif (( $(echo "$1 < $2" | bc -l) )); then echo "$1"; else echo "$2"; fi; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "cpu: $cpu; measured: $mode; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
if [[ $want_torch -eq 0 ]]; then echo "note: --no-torch: the torch column is skipped"
elif [[ $have_torch -eq 0 ]]; then echo "note: python3-torch is not installed, the torch column is skipped (apt-get install python3-torch)"; fi
results="$(mktemp)"; trap 'rm -f "$results"' EXIT
printf '%-4s %-7s %-3s %10s %10s %10s %10s %10s %10s %9s %9s\n' case threads rep mlpkit numpy numpy-own torch \
  'vs_numpy' 'vs_torch' mlpkit_MiB numpy_MiB
for c in "${cases[@]}"; do
  threads_list=(1)
  [[ "$c" == c1 ]] && threads_list=(1 2)
  for t in "${threads_list[@]}"; do
    for r in $(seq 1 "$repeats"); do
      ours="$(MLP_JAVA_OPTS="$mlp_opts" ./mlp bench "$c" --threads "$t")"
      theirs="$("${np_env[@]}" $py bench/reference.py "$c" --threads "$t")"
      own="$("${own_env[@]}" $py bench/reference.py "$c" --threads "$t")"
      torch=""; [[ $have_torch -eq 1 ]] && torch="$("${torch_env[@]}" $py bench/reference.py "$c" --threads "$t" --torch)"
      if [[ $r -eq 1 ]]; then
        echo "  $c/$t: mlpkit $(sed -n 's/^kernel \([^,]*\) after.*java \(.*\)$/\1, java \2/p' <<<"$ours" | sed 's/ after [0-9.]* s//')"
        echo "  $c/$t: numpy $(sed -n 's/^engine: //p' <<<"$theirs"); numpy-own $(sed -n 's/^engine: .*, \(blas=.*\)$/\1/p' <<<"$own")"
        [[ -n "$torch" ]] && echo "  $c/$t: $(sed -n 's/^engine: //p' <<<"$torch")"
      fi
      o="$(field median_s_per_epoch <<<"$ours")"; n="$(field median_s_per_epoch <<<"$theirs")"
      no="$(field median_s_per_epoch <<<"$own")"; to="$(field median_s_per_epoch <<<"$torch")"
      best="$(min2 "$n" "$no")"
      printf '%-4s %-7s %-3s %10s %10s %10s %10s %10s %10s %9s %9s\n' "$c" "$t" "$r" "$o" "$n" "$no" "${to:--}" \
        "$(ratio "$o" "$best")" "$(ratio "$o" "$to")" "$(field peak_rss_mib <<<"$ours")" "$(field peak_rss_mib <<<"$theirs")"
      echo "$c $t $o $n $no ${to:-}" >>"$results"
    done
  done
done
echo
echo "medians over $repeats rounds ($mode):"
printf '%-4s %-7s %10s %10s %10s %10s %10s %10s\n' case threads mlpkit numpy numpy-own torch vs_best_numpy vs_torch
for c in "${cases[@]}"; do
  for t in 1 2; do
    rows="$(awk -v c="$c" -v t="$t" '$1 == c && $2 == t' "$results")"
    [[ -z "$rows" ]] && continue
    o="$(awk '{print $3}' <<<"$rows" | median)"; n="$(awk '{print $4}' <<<"$rows" | median)"
    no="$(awk '{print $5}' <<<"$rows" | median)"; to="$(awk 'NF >= 6 {print $6}' <<<"$rows" | median)"
    best="$(min2 "$n" "$no")"
    printf '%-4s %-7s %10s %10s %10s %10s %10s %10s\n' "$c" "$t" "$o" "$n" "$no" "${to:--}" "$(ratio "$o" "$best")" "$(ratio "$o" "$to")"
  done
done
