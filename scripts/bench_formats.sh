#!/usr/bin/env bash
# scripts/bench_formats.sh: the original formats of issue 12, measured side by side with the
# tool a user would otherwise use, for BENCHMARKS.md. Not run by CI.
#
# Usage: scripts/bench_formats.sh [OUT]     (OUT defaults to target/bench)
#
#   1. builds the release binary;
#   2. for every real PDF in tests/real, one hyperfine run with `brieven list --no-cache FILE`
#      (the PDF read to a letter: glyphs, layout, passes, the letter printed) beside
#      `pdftotext -layout FILE -` (text only); the ratio of the means is brieven / pdftotext;
#   3. the same for all the PDFs at once (one brieven process for the lot, pdftotext for
#      each, in a shell loop);
#   4. peak memory (maximum resident set size, /usr/bin/time -v) of `brieven list --no-cache`
#      on each PDF, against the target 5 × file size + 30 MB.
#
# It needs hyperfine, pdftotext and GNU time: apt-get install -y hyperfine poppler-utils time
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/bench}
RUNS=${RUNS:-10}
mkdir -p "$OUT"
missing=()
for tool in hyperfine pdftotext; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "missing: ${missing[*]} (apt-get install -y hyperfine poppler-utils time)" >&2
    exit 2
fi
cargo build --release --quiet
BRIEVEN=target/release/brieven
export XDG_CACHE_HOME="$OUT/cache"
echo "== PDF to letter: brieven vs pdftotext -layout (mean of $RUNS runs each, one hyperfine run per file)"
printf '%-36s %9s %12s %14s %7s\n' file bytes brieven pdftotext ratio
pdfs=(tests/real/*.pdf)
for pdf in "${pdfs[@]}"; do
    name=$(basename "$pdf" .pdf)
    hyperfine -N --warmup 1 --runs "$RUNS" --style none \
        --export-json "$OUT/formats-$name.json" \
        -n brieven "$BRIEVEN list --no-cache $pdf" \
        -n pdftotext "pdftotext -layout $pdf -" >/dev/null
    python3 - "$OUT/formats-$name.json" "$name" "$(stat -c %s "$pdf")" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
b, p = r["brieven"], r["pdftotext"]
print(f"{sys.argv[2]:<36} {int(sys.argv[3]):>9} {b*1000:>9.1f} ms {p*1000:>11.1f} ms {b/p:>7.2f}")
PY
done
echo "== all PDFs at once"
hyperfine --warmup 1 --runs "$RUNS" --style basic --export-markdown "$OUT/formats-all.md" \
    -n "brieven list --no-cache (all PDFs, one process)" "$BRIEVEN list --no-cache ${pdfs[*]}" \
    -n "pdftotext -layout (each PDF)" "for f in ${pdfs[*]}; do pdftotext -layout \$f - >/dev/null; done"
echo "== peak memory of brieven list --no-cache FILE (target 5 x size + 30 MB)"
for pdf in "${pdfs[@]}"; do
    bytes=$(stat -c %s "$pdf")
    /usr/bin/time -v -o "$OUT/time.txt" "$BRIEVEN" list --no-cache "$pdf" >/dev/null 2>&1 || true
    awk -v label="$(basename "$pdf")" -v bytes="$bytes" '
        /Maximum resident/ { split($0, a, ": "); kb = a[2] }
        END {
            target = (5 * bytes + 30000000) / 1024
            printf "%-40s %7.1f MiB peak  target %6.1f MiB  ratio %.2f\n", label, kb / 1024, target / 1024, kb / target
        }' "$OUT/time.txt"
done
