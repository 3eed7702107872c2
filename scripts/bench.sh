#!/usr/bin/env bash
# scripts/bench.sh: the end-to-end benchmarks of issue 6, on generated corpora, for
# BENCHMARKS.md. Not run by CI (.ci/run runs no benchmarks).
#
# Usage: scripts/bench.sh [OUT]        (OUT defaults to target/bench; nothing there is committed)
#
# What it does, in order:
#   1. builds the release binary and the corpus generator (examples/gen_corpus);
#   2. generates the corpora with seed 1: OUT/corpus-1k (1,000 letters, about 11 MB) and
#      OUT/corpus-10k (10,000 letters, about 110 MB), unless they are already there;
#   3. writes the passages as lines for fzf: `brieven export --lines DIR > OUT/lines-1k.txt`;
#   4. runs, side by side in one hyperfine run per query, `brieven search Q --json DIR` (with
#      its cache of parsed letters, filled by hyperfine's warm-up run), the same with
#      `--no-cache` (parsing everything, as on a first run), and `fzf --filter Q` on those
#      lines (search on the 1k corpus; set BENCH_10K=1 to also compare on the 10k corpus),
#      with the results in OUT/hyperfine-*.md and .json;
#   5. measures start-up on the embedded letters (`brieven list`, `brieven search`), and the
#      reader's first output and first frame in a pseudo-terminal at 200×60 on the embedded
#      letters and both corpora (scripts/first_frame.py, if python3 is there), then the
#      reader's answer to single keys in a pseudo-terminal (scripts/reader_keys.py: searches
#      from the index while the letters load, then a typed character, search results, Enter on
#      a hit, `j` in a concordance, SIGTERM) on the
#      corpora READER_KEYS names (default `1k 10k`; `100k` generates 100,000 letters, about
#      1.1 GB, first; empty: skipped);
#   6. (run right after 4) issue 17: on INDEX_SIZES (default `1k 10k`; `100k` generates 100,000 letters first),
#      a cached `brieven search Q --json DIR` (answered from the on-disk index) against
#      `rg -i Q` on the passages as lines in one hyperfine run per query (INDEX_QUERIES: a
#      term, a name, a date, a two-word phrase, nothing; with `fzf --filter` on the sizes
#      INDEX_FZF names, default `1k 10k`), cached `brieven list DIR` and `brieven entities
#      DIR`, the first search that builds cache and index, the search after one letter is
#      added and after it is removed, the files' sizes, and peak memory;
#   7. measures peak memory (maximum resident set size, /usr/bin/time -v) for loading each
#      corpus (`brieven list DIR`), for searching it, listing its register (`entities --json`)
#      and exporting it (`export --jsonl`) without the cache, for a first search that writes
#      the cache and a search with it, against the target 3 × corpus + 30 MB.
#
# brieven's cache lives in OUT/cache for the run (XDG_CACHE_HOME), emptied at the start, so
# the user's own cache neither helps nor suffers.
#
# It installs nothing. It needs hyperfine, fzf and GNU time (/usr/bin/time); on Debian:
#   apt-get update && apt-get install -y hyperfine fzf time
# Environment: RUNS (hyperfine runs per command, default 10), BENCH_10K=1 (see above),
# QUERIES (space-separated, default below; use _ for a space inside a query), READER_KEYS
# (see 5), FRAME_SIZES (the corpora of 5's first frames, default `1k 10k`), SECTIONS (which
# parts run, default all: `fzf index startup frames keys memory`; `index keys` runs 6 and
# the reader's keys alone).
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=${1:-target/bench}
RUNS=${RUNS:-10}
QUERIES=${QUERIES:-"e enc encryptie Yeşilgöz-Zegerius 18_september_2023 xqzvwk"}
READER_KEYS=${READER_KEYS-"1k 10k"}
FRAME_SIZES=${FRAME_SIZES-"1k 10k"}
SECTIONS=${SECTIONS:-"fzf index startup frames keys memory"}
want() { # want SECTION: whether SECTIONS names it
    case " $SECTIONS " in *" $1 "*) return 0 ;; esac
    return 1
}

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v fzf >/dev/null || missing+=(fzf)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench.sh: missing: ${missing[*]}" >&2
    echo "  install with: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 2
fi

mkdir -p "$OUT"
export XDG_CACHE_HOME="$PWD/$OUT/cache"
rm -rf "$XDG_CACHE_HOME"
cargo build --release --bin brieven --example gen_corpus
BRIEVEN=${CARGO_TARGET_DIR:-target}/release/brieven
GEN=${CARGO_TARGET_DIR:-target}/release/examples/gen_corpus

generate() { # generate N DIR
    local n=$1 dir=$2
    local have
    have=$( (find "$dir" -maxdepth 1 \( -name '*.txt' -o -name '*.md' \) 2>/dev/null || true) | wc -l)
    if [ "$have" -ne "$n" ]; then
        rm -rf "$dir"
        "$GEN" --letters "$n" --seed 1 --out "$dir"
    fi
    echo "corpus $dir: $n letters, $(du -sb "$dir" | cut -f1) bytes"
}
generate 1000 "$OUT/corpus-1k"
generate 10000 "$OUT/corpus-10k"
case " $READER_KEYS " in
*" 100k "*) generate 100000 "$OUT/corpus-100k" ;;
esac

"$BRIEVEN" export --lines "$OUT/corpus-1k" >"$OUT/lines-1k.txt"
echo "lines-1k: $(wc -l <"$OUT/lines-1k.txt") passages"
if [ "${BENCH_10K:-0}" = 1 ]; then
    "$BRIEVEN" export --lines "$OUT/corpus-10k" >"$OUT/lines-10k.txt"
    echo "lines-10k: $(wc -l <"$OUT/lines-10k.txt") passages"
fi

echo "== machine"
echo "nproc: $(nproc)"
grep -m1 'model name' /proc/cpuinfo
free -h | head -2
date -u

search_vs_fzf() { # search_vs_fzf SIZE
    local size=$1
    for q in $QUERIES; do
        q=${q//_/ }
        local tag=${q// /-}
        hyperfine --warmup 1 --runs "$RUNS" --ignore-failure --style basic \
            --export-markdown "$OUT/hyperfine-$size-$tag.md" \
            --export-json "$OUT/hyperfine-$size-$tag.json" \
            -n "brieven search '$q' ($size)" \
            "$BRIEVEN search '$q' --json $OUT/corpus-$size >/dev/null" \
            -n "brieven search --no-cache '$q' ($size)" \
            "$BRIEVEN search --no-cache '$q' --json $OUT/corpus-$size >/dev/null" \
            -n "fzf --filter '$q' ($size)" \
            "fzf --filter '$q' <$OUT/lines-$size.txt >/dev/null"
    done
}
if want fzf; then
    echo "== search: brieven vs fzf"
    search_vs_fzf 1k
    if [ "${BENCH_10K:-0}" = 1 ]; then
        search_vs_fzf 10k
    fi
fi

# Issue 17: a cached search (the on-disk index built) against `rg -i` on the same passages as
# lines, in one hyperfine run per query, and peak memory of a cached search and `list`.
# INDEX_SIZES (default `1k 10k`; `100k` generates 100,000 letters, about 1.1 GB, first).
INDEX_SIZES=${INDEX_SIZES-"1k 10k"}
INDEX_QUERIES=${INDEX_QUERIES:-"encryptie Yeşilgöz-Zegerius 18_september_2023 end-to-end_encryptie xqzvwk"}
# The sizes on which fzf --filter runs beside them (34-87 s a query on 100k).
INDEX_FZF=${INDEX_FZF-"1k 10k"}
want index || INDEX_SIZES=""
echo "== cached search (on-disk index) vs rg -i, peak memory"
for size in $INDEX_SIZES; do
    [ "$size" = 100k ] && generate 100000 "$OUT/corpus-$size"
    dir="$OUT/corpus-$size"
    [ -f "$OUT/lines-$size.txt" ] || "$BRIEVEN" export --lines "$dir" >"$OUT/lines-$size.txt"
    # The first run builds the cache and the index; files written within two seconds of it are
    # checked by hash once more, so a second run after a pause leaves an index that is current.
    /usr/bin/time -v -o "$OUT/time-index-$size.txt" "$BRIEVEN" search encryptie --json "$dir" >/dev/null || true
    echo "first search (builds cache and index) $size: $(awk -F': ' '/Elapsed/ {print $2}' "$OUT/time-index-$size.txt") wall, $(awk -F': ' '/Maximum resident/ {printf "%.1f MiB", $2 / 1024}' "$OUT/time-index-$size.txt") peak"
    sleep 3
    "$BRIEVEN" search encryptie --json "$dir" >/dev/null || true
    "$BRIEVEN" list "$dir" >/dev/null
    ls -l "$XDG_CACHE_HOME"/brieven/ | grep -E '\.(cache|index)$' || true
    echo "corpus $size on disk: $(du -sb "$dir" | cut -f1) bytes"
    for q in $INDEX_QUERIES; do
        q=${q//_/ }
        tag=${q// /-}
        fzf=()
        case " $INDEX_FZF " in
        *" $size "*) fzf=(-n "fzf --filter '$q' lines-$size" "fzf --filter '$q' <$OUT/lines-$size.txt") ;;
        esac
        hyperfine --warmup 2 --runs "$RUNS" --ignore-failure --style basic \
            --export-markdown "$OUT/hyperfine-index-$size-$tag.md" \
            -n "brieven search '$q' --json ($size, cached)" \
            "$BRIEVEN search '$q' --json $dir >/dev/null" \
            -n "rg -i '$q' lines-$size" \
            "rg -i '$q' $OUT/lines-$size.txt >/dev/null" \
            "${fzf[@]}"
    done
    hyperfine -N --warmup 2 --runs "$RUNS" --style basic \
        --export-markdown "$OUT/hyperfine-index-$size-list.md" \
        -n "brieven list ($size, cached)" "$BRIEVEN list $dir" \
        -n "brieven entities ($size, cached)" "$BRIEVEN entities $dir"
    # One letter added (a copy of the first under a new name), then removed: the search
    # after each pays for bringing cache and index up to date. Added after the others, the
    # index is updated with it alone; added before them (as any added letter was before the
    # update in place), the letters are loaded and the index written whole.
    first=$(find "$dir" -maxdepth 1 -name '*.md' | sort | sed -n 1p)
    timed() { # timed LABEL: a cached search, its wall time and peak
        /usr/bin/time -v -o "$OUT/time.txt" "$BRIEVEN" search encryptie --json "$dir" >/dev/null || true
        echo "$1 $size: $(awk -F': ' '/Elapsed/ {print $2}' "$OUT/time.txt") wall, $(awk -F': ' '/Maximum resident/ {printf "%.1f MiB", $2 / 1024}' "$OUT/time.txt") peak"
    }
    for added in zzzzzzzz_added 00000000_added; do
        cp "$first" "$dir/$added.md"
        touch -d '1 hour ago' "$dir/$added.md"
        timed "search after one letter added ($added)"
        timed "search after that (index current)"
        rm "$dir/$added.md"
        timed "search after that letter removed"
        sleep 3
        "$BRIEVEN" search encryptie --json "$dir" >/dev/null || true
    done
    for cmd in "search encryptie --json" "search Yeşilgöz-Zegerius --json" "list"; do
        # shellcheck disable=SC2086
        /usr/bin/time -v -o "$OUT/time.txt" "$BRIEVEN" $cmd "$dir" >/dev/null 2>&1 || true
        echo "peak RSS, cached $cmd $size: $(awk -F': ' '/Maximum resident/ {printf "%.1f MiB", $2 / 1024}' "$OUT/time.txt")"
    done
done

if want startup; then
    echo "== start-up on the embedded letters"
    hyperfine -N --warmup 3 --runs 30 --ignore-failure --style basic \
        --export-markdown "$OUT/hyperfine-startup.md" \
        -n "brieven list (embedded)" "$BRIEVEN list" \
        -n "brieven search encryptie (embedded)" "$BRIEVEN search encryptie --json"
fi

echo "== the reader's first frame in a pseudo-terminal (scripts/first_frame.py)"
if ! want frames; then
    echo "(not in SECTIONS: skipped)"
elif command -v python3 >/dev/null; then
    python3 scripts/first_frame.py "$BRIEVEN" --runs 10 --until Letters
    for size in $FRAME_SIZES; do
        [ "$size" = 100k ] && generate 100000 "$OUT/corpus-$size"
        # First without the cache (every letter parsed), then with it, filled by `list`
        # (the reader writes it too, but in the background, and first_frame.py quits it as
        # soon as the first frame is drawn).
        python3 scripts/first_frame.py "$BRIEVEN" "$OUT/corpus-$size" --no-cache --runs 2 --until Letters
        "$BRIEVEN" list "$OUT/corpus-$size" >/dev/null
        python3 scripts/first_frame.py "$BRIEVEN" "$OUT/corpus-$size" --runs 3 --until Letters
    done
else
    echo "(python3 not found: skipped)"
fi

echo "== the reader's answer to single keys in a pseudo-terminal (scripts/reader_keys.py)"
if ! want keys; then
    echo "(not in SECTIONS: skipped)"
elif command -v python3 >/dev/null; then
    for size in $READER_KEYS; do
        # From the cache, as a reader is usually started: `list` fills it.
        "$BRIEVEN" list "$OUT/corpus-$size" >/dev/null
        python3 scripts/reader_keys.py "$BRIEVEN" "$OUT/corpus-$size" --runs 3
    done
else
    echo "(python3 not found: skipped)"
fi

want memory || { echo "results in $OUT"; exit 0; }
echo "== peak memory"
peak() { # peak LABEL BYTES COMMAND...
    local label=$1 bytes=$2
    shift 2
    /usr/bin/time -v -o "$OUT/time.txt" "$@" >/dev/null 2>&1 || true
    awk -F': ' -v label="$label" -v bytes="$bytes" '
        /Maximum resident/ { kb = $2 }
        /Elapsed \(wall clock\)/ { wall = $2 }
        END {
            target = (3 * bytes + 30000000) / 1024
            printf "%-40s %9.1f MiB peak  target %7.1f MiB  ratio %.2f  wall %s\n",
                label, kb / 1024, target / 1024, kb / target, wall
        }' "$OUT/time.txt"
}
for size in 1k 10k; do
    bytes=$(du -sb "$OUT/corpus-$size" | cut -f1)
    peak "list --no-cache corpus-$size" "$bytes" "$BRIEVEN" list --no-cache "$OUT/corpus-$size"
    peak "search --no-cache corpus-$size" "$bytes" "$BRIEVEN" search --no-cache encryptie --json "$OUT/corpus-$size"
    peak "entities --json --no-cache corpus-$size" "$bytes" "$BRIEVEN" entities --no-cache --json "$OUT/corpus-$size"
    peak "export --jsonl --no-cache corpus-$size" "$bytes" "$BRIEVEN" export --no-cache --jsonl "$OUT/corpus-$size"
    rm -rf "$XDG_CACHE_HOME"
    peak "search, first run (writes cache) $size" "$bytes" "$BRIEVEN" search encryptie --json "$OUT/corpus-$size"
    peak "search, cached corpus-$size" "$bytes" "$BRIEVEN" search encryptie --json "$OUT/corpus-$size"
    peak "list, cached corpus-$size" "$bytes" "$BRIEVEN" list "$OUT/corpus-$size"
done
peak "list (embedded)" 50846 "$BRIEVEN" list
echo "results in $OUT"
