#!/usr/bin/env bash
# scripts/linearity.sh: checks that loading a letter takes time linear in its size (issue 6:
# "a 50 MB letter and a 1 MB line load in time linear to their size"). Not run by CI.
#
# Usage: scripts/linearity.sh [OUT]    (OUT defaults to target/linearity; nothing is committed)
#
# For each layout (sup, pdf, ministry) it generates one letter of 6.25, 12.5, 25 and 50 MB
# (`gen_corpus --one-letter`), and one Markdown letter whose first paragraph is a single line
# of 250 kB, 500 kB, 1 MB and 2 MB (`gen_corpus --long-line`); then times
# `brieven list --no-cache FILE` (parsing every time: the cache would answer the second run;
# wall clock, the best of RUNS runs, default 2; bash's EPOCHREALTIME, so
# needs bash 5) and prints the time, the throughput and
# the ratio to the previous size. Doubling the input should at most roughly double the time:
# a ratio above 2.5 is marked SUPERLINEAR. Peak memory (maximum resident set) is shown too.
#
# Needs GNU time (/usr/bin/time; Debian: apt-get install -y time). Installs nothing.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=${1:-target/linearity}
RUNS=${RUNS:-2}
[ -x /usr/bin/time ] || { echo "linearity.sh: needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
mkdir -p "$OUT"
cargo build --release --bin brieven --example gen_corpus
BRIEVEN=${CARGO_TARGET_DIR:-target}/release/brieven
GEN=${CARGO_TARGET_DIR:-target}/release/examples/gen_corpus

best_of() { # best_of FILE -> "seconds peak_kB"
    local best="" peak=0
    for _ in $(seq "$RUNS"); do
        local t0=$EPOCHREALTIME
        /usr/bin/time -f '%M' -o "$OUT/time.txt" "$BRIEVEN" list --no-cache "$1" >/dev/null 2>&1 || true
        local t1=$EPOCHREALTIME
        local secs kb
        secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
        read -r kb <"$OUT/time.txt"
        if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$secs
        fi
        peak=$kb
    done
    echo "$best $peak"
}

series() { # series NAME FLAG LAYOUT SIZES...
    local name=$1 flag=$2 layout=$3
    shift 3
    local prev=""
    printf '%-22s %12s %9s %10s %8s %10s\n' "$name" bytes seconds "MB/s" ratio "peak MiB"
    for size in "$@"; do
        local dir="$OUT/$name-$size"
        rm -rf "$dir"
        "$GEN" "$flag" "$size" --layout "$layout" --seed 1 --out "$dir" >/dev/null
        local file bytes
        file=$(find "$dir" -type f | head -1)
        bytes=$(stat -c %s "$file")
        read -r secs kb < <(best_of "$file")
        awk -v b="$bytes" -v s="$secs" -v p="$prev" -v kb="$kb" 'BEGIN {
            ratio = (p == "" || p == 0) ? "-" : sprintf("%.2f", s / p)
            mark = (ratio != "-" && ratio + 0 > 2.5) ? "  SUPERLINEAR" : ""
            printf "%-22s %12d %9.3f %10.1f %8s %10.1f%s\n", "", b, s, b / 1e6 / (s > 0 ? s : 0.001), ratio, kb / 1024, mark
        }'
        prev=$secs
        rm -rf "$dir"
    done
}

for layout in sup pdf ministry; do
    series "letter-$layout" --one-letter "$layout" 6250000 12500000 25000000 50000000
done
series "line-sup" --long-line sup 250000 500000 1000000 2000000
