#!/usr/bin/env bash
# Writes every output Kopsehat produces for a fixed set of inputs into OUT, so that two builds can be compared byte
# for byte (a refactoring must change none of them): every example in every format and language (text, JSON, PDF,
# XLSX, charts, what-if, plan text and JSON, conversions, templates), a batch of 3,000 generated laporan, and the
# web pages of the demo data (golden_pages).
#
#   tests/golden/outputs.sh BUILD_DIR OUT
#   tests/golden/compare.sh BASE_BUILD_DIR NEW_BUILD_DIR    # both, then diff -r
set -uo pipefail
BUILD=$(cd "$1" && pwd)
OUT=$2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$BUILD/kopsehat
export SOURCE_DATE_EPOCH=1767225600  # 2026-01-01: reports, workbooks and charts are then byte-identical
rm -rf "$OUT" && mkdir -p "$OUT"
cd "$ROOT"

# Runs one command, keeping its stdout, stderr and exit code.
run() {
  local name=$1
  shift
  "$BIN" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
  echo $? >"$OUT/$name.rc"
}

for f in examples/*.json examples/*.csv; do
  b=$(basename "$f")
  for lang in id en; do
    run "$b.assess.$lang" assess "$f" --lang "$lang"
    run "$b.all.$lang" assess "$f" --metode all --lang "$lang"
    run "$b.json.$lang" assess "$f" --format json --lang "$lang"
    run "$b.pdf.$lang" assess "$f" --format pdf --out "$OUT/$b.$lang.pdf" --lang "$lang"
    run "$b.xlsx.$lang" assess "$f" --format xlsx --out "$OUT/$b.$lang.xlsx" --lang "$lang"
    run "$b.whatif.$lang" whatif "$f" --lang "$lang"
    run "$b.peka.$lang" whatif "$f" --peka --lang "$lang"
    run "$b.plan.$lang" plan "$f" --lang "$lang"
    run "$b.planjson.$lang" plan "$f" --format json --lang "$lang"
    for kind in radar bars; do
      for ext in svg png pdf; do
        run "$b.chart.$kind.$ext.$lang" chart "$f" --kind "$kind" --out "$OUT/$b.$kind.$lang.$ext" --lang "$lang"
      done
    done
  done
  for m in ksp-2016-linear kkpkk-2021 ksppps-2016 pearls-woccu pearls-accu; do
    run "$b.$m" assess "$f" --metode "$m"
    run "$b.$m.json" assess "$f" --metode "$m" --format json
    run "$b.$m.pdf" assess "$f" --metode "$m" --format pdf --out "$OUT/$b.$m.pdf"
    run "$b.$m.xlsx" assess "$f" --metode "$m" --format xlsx --out "$OUT/$b.$m.xlsx"
  done
  for to in json xlsx csv; do
    run "$b.convert.$to" convert "$f" --to "$to" --out "$OUT/$b.converted.$to"
  done
done
run whatif.aksi whatif examples/ksp-maju-jaya-2025.json --aksi tagih_macet=17.900.000
run whatif.daftar whatif examples/ksp-maju-jaya-2025.json --aksi-daftar
run plan.cukup plan examples/ksp-maju-jaya-2025.json --target "CUKUP SEHAT"
run plan.75 plan examples/ksp-maju-jaya-2025.json --target 75 --format json
for t in xlsx csv; do
  run "template.$t" template --out "$OUT/template.$t"
  for m in kkpkk-2021 ksppps-2016 pearls-woccu; do run "template.$m.$t" template --metode "$m" --out "$OUT/template.$m.$t"; done
done
run rules.list rules list
for m in ksp-2016 ksp-2016-linear kkpkk-2021 ksppps-2016 pearls-woccu pearls-accu; do run "rules.$m" rules show "$m"; done

# A generated national sample: 3,000 laporan through batch, as JSONL, text and PDF files.
python3 bench/gen_laporan.py --count 3000 --seed 7 >"$OUT/sample.jsonl.in"
run batch.jsonl batch "$OUT/sample.jsonl.in" --out "$OUT/batch.jsonl"
run batch.en batch "$OUT/sample.jsonl.in" --out "$OUT/batch.en.jsonl" --lang en
head -n 40 "$OUT/sample.jsonl.in" >"$OUT/sample40.jsonl.in"
run batch.pdf batch "$OUT/sample40.jsonl.in" --format pdf --out-dir "$OUT/batch-pdf"
python3 bench/gen_laporan.py --count 200 --seed 8 --format csv >"$OUT/sample.csv.in"
run batch.csv batch "$OUT/sample.csv.in" --out "$OUT/batch.csv.jsonl"

# The web pages of the demo data, every page as each role sees it (tokens masked by golden_pages itself).
if [ -x "$BUILD/golden_pages" ]; then
  "$BUILD/golden_pages" "$ROOT/examples" "$OUT/web" >"$OUT/web.log" 2>&1
  echo $? >"$OUT/web.rc"
fi
# Paths of temporary output locations are not part of the output.
sed -i "s#$OUT#OUT#g" "$OUT"/*.out "$OUT"/*.err 2>/dev/null
exit 0
