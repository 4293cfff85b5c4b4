#!/usr/bin/env bash
# bench/run_batch_bench.sh — end-to-end throughput of `kopsehat batch` (parse, assess, write) on one core.
#
# Builds nothing: expects the binary from `make build` (override with KOPSEHAT_BIN=path). Generates
# bench/data/national.jsonl (130,000 synthetic cooperatives, seed 1; kept between runs, git-ignored), checks that it
# assesses with exit 0 into 130,000 lines, then times it with hyperfine pinned to CPU 0 and records peak RSS.
#
# Environment: KOPSEHAT_BIN (default build/kopsehat), BENCH_COUNT (130000), BENCH_SEED (1), BENCH_RUNS (5),
#              BENCH_CPU (0).
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${KOPSEHAT_BIN:-build/kopsehat}
COUNT=${BENCH_COUNT:-130000}
SEED=${BENCH_SEED:-1}
RUNS=${BENCH_RUNS:-5}
CPU=${BENCH_CPU:-0}
DATA_DIR=bench/data
if [[ "$COUNT" == 130000 && "$SEED" == 1 ]]; then
  DATA=$DATA_DIR/national.jsonl
else
  DATA=$DATA_DIR/national-$COUNT-s$SEED.jsonl
fi
JSON_OUT=$DATA_DIR/hyperfine.json
CHECK_OUT=$DATA_DIR/check-output.jsonl

die() { echo "run_batch_bench: $*" >&2; exit 1; }

[[ -x "$BIN" ]] || die "$BIN not found or not executable: run 'make build' first (or set KOPSEHAT_BIN)"
command -v hyperfine >/dev/null || die "hyperfine is not installed"
command -v python3 >/dev/null || die "python3 is not installed"
PIN=()
if command -v taskset >/dev/null && taskset -c "$CPU" true 2>/dev/null; then
  PIN=(taskset -c "$CPU")
else
  echo "run_batch_bench: taskset unavailable, running unpinned" >&2
fi

mkdir -p "$DATA_DIR"
# 1. The input, generated once (deterministic: same seed, same bytes).
if [[ -s "$DATA" ]] && [[ "$(wc -l <"$DATA")" -eq "$COUNT" ]]; then
  echo "input:   $DATA (cached, $COUNT lines)"
else
  echo "input:   generating $DATA ($COUNT lines, seed $SEED) ..."
  python3 bench/gen_laporan.py --count "$COUNT" --seed "$SEED" >"$DATA.tmp"
  mv "$DATA.tmp" "$DATA"
fi
INPUT_BYTES=$(wc -c <"$DATA")

# 2. Correctness first: every line assesses (exit 0), one output line per input line.
set +e
"$BIN" batch "$DATA" --out "$CHECK_OUT" 2>"$DATA_DIR/check-stderr.txt"
rc=$?
set -e
[[ $rc -eq 0 ]] || { head -5 "$DATA_DIR/check-stderr.txt" >&2; die "kopsehat batch exited with $rc (expected 0)"; }
out_lines=$(wc -l <"$CHECK_OUT")
[[ "$out_lines" -eq "$COUNT" ]] || die "expected $COUNT output lines, got $out_lines"
OUTPUT_BYTES=$(wc -c <"$CHECK_OUT")
if grep -q '"galat"' "$CHECK_OUT"; then die "some output lines are errors ({\"galat\": ...})"; fi
rm -f "$CHECK_OUT"
echo "check:   exit 0, $out_lines output lines, no errors"

# 3. Time it: hyperfine, pinned to one core, output discarded.
hyperfine --warmup 1 --runs "$RUNS" --export-json "$JSON_OUT" \
  "${PIN[*]} $BIN batch $DATA --out /dev/null"

read -r MEDIAN MEAN STDDEV MIN MAX < <(python3 - "$JSON_OUT" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(r["median"], r["mean"], r["stddev"] or 0.0, r["min"], r["max"])
EOF
)

# 4. Peak RSS (best effort: GNU time, else the shell's time builtin cannot do it, so read VmHWM from /proc).
PEAK_KB=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true 2>/dev/null; then
  PEAK_KB=$(/usr/bin/time -v "${PIN[@]}" "$BIN" batch "$DATA" --out /dev/null 2>&1 >/dev/null |
            awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}')
elif [[ -r /proc/self/status ]]; then
  # Start it, sample VmHWM (high-water mark) until it exits.
  "${PIN[@]}" "$BIN" batch "$DATA" --out /dev/null &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    v=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n "$v" ]] && PEAK_KB=$v
    sleep 0.05
  done
  wait "$pid" || true
fi
[[ -n "$PEAK_KB" ]] || PEAK_KB="n/a"

# 5. Summary.
python3 - "$COUNT" "$MEDIAN" "$MEAN" "$STDDEV" "$MIN" "$MAX" "$PEAK_KB" "$INPUT_BYTES" "$OUTPUT_BYTES" "$BIN" \
  "${PIN[*]:-unpinned}" <<'EOF'
import sys
count, median, mean, sd, lo, hi = int(sys.argv[1]), *map(float, sys.argv[2:7])
peak, inb, outb, binary, pin = sys.argv[7], int(sys.argv[8]), int(sys.argv[9]), sys.argv[10], sys.argv[11]
rate = count / median
rows = [
    ("binary", binary),
    ("pinning", pin),
    ("laporan", f"{count:,}"),
    ("input", f"{inb / 1e6:,.1f} MB ({inb / count:,.0f} B/line)"),
    ("output", f"{outb / 1e6:,.1f} MB ({outb / count:,.0f} B/line)"),
    ("median", f"{median:.3f} s  (mean {mean:.3f} ± {sd:.3f}, min {lo:.3f}, max {hi:.3f})"),
    ("throughput", f"{rate:,.0f} assessments/s  ({1e6 / rate:.2f} µs each, {inb / median / 1e6:,.0f} MB/s in)"),
    ("peak RSS", f"{int(peak) / 1024:,.1f} MiB" if peak.isdigit() else peak),
    ("target", f"100,000 assessments/s on one core: {'MET' if rate >= 100000 else 'NOT met'}"),
]
w = max(len(k) for k, _ in rows)
print()
print("kopsehat batch — summary")
for k, v in rows:
    print(f"  {k:<{w}}  {v}")
EOF
