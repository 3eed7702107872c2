#!/usr/bin/env python3
"""Raises each real-corpus form's floor (tests/real/*.probes.toml) to the score it has now.

Reads the table `scripts/score_real.sh` prints on stdin; never lowers a floor.
Usage: scripts/score_real.sh | scripts/raise_floors.py
"""
import math
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "tests" / "real"
scores = {}
for line in sys.stdin:
    m = re.match(r"\| [^|]+ \| (\S+) \([^)]*\) \| (\d+)/(\d+) \|", line)
    if m:
        scores[m.group(1)] = int(m.group(2)) / int(m.group(3))
for toml in sorted(root.glob("*.probes.toml")):
    text = toml.read_text()

    def raise_floor(m):
        file, floor = m.group(1), float(m.group(2))
        score = scores.get(file)
        if score is None:
            return m.group(0)
        new = max(floor, math.floor(score * 100) / 100)
        if new > floor:
            print(f"{file}: {floor:.2f} -> {new:.2f}")
        return f'file = "{file}"\nfloor = {new:.2f}'

    new = re.sub(r'file = "([^"]+)"\nfloor = ([0-9.]+)', raise_floor, text)
    if new != text:
        toml.write_text(new)
