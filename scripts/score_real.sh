#!/bin/sh
# Scores the real corpus (tests/real/): the table per file and per kind of probe, in Markdown.
# REAL_CORPUS_FAILURES=1 lists every failed probe; REAL_CORPUS_ONLY=<part of a file name>.
set -e
cd "$(dirname "$0")/.."
cargo test --quiet --test real_corpus every_file_scores_at_least_its_floor -- --nocapture
