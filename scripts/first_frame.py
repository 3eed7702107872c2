#!/usr/bin/env python3
# scripts/first_frame.py: times the reader's start in a real pseudo-terminal (issue 6: first
# frame within 50 ms on the embedded letters; on 10,000 letters something on screen within
# 100 ms and a usable screen within 1 s). Not run by CI.
#
# Usage: scripts/first_frame.py BRIEVEN [PATHS...] [--runs N] [--size 200x60] [--until TEXT]
#
# Starts `BRIEVEN PATHS...` on a pseudo-terminal of the given size and reports, per run:
#   first output   when the first byte reaches the terminal (anything: a progress line counts);
#   first frame    when the output first goes quiet for 100 ms after the alternate screen was
#                  entered: the first complete frame (the 100 ms of quiet are not counted);
#   usable         with --until TEXT (say `Letters`, a pane title of the reader proper): when
#                  TEXT first reaches the terminal, so a progress screen before it does not count;
# then sends `q` and waits for the reader to exit. Prints the median of N runs (default 5).
# Python 3 standard library only.
import os
import pty
import select
import statistics
import struct
import sys
import time
import fcntl
import termios

QUIET = 0.1
ALT_SCREEN = b"\x1b[?1049h"


def one_run(argv, cols, rows, until=None, timeout=120.0):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    start = time.monotonic()
    first_output = None
    entered = False
    last = None
    out = b""
    frame = None
    usable = None
    while time.monotonic() - start < timeout:
        ready, _, _ = select.select([fd], [], [], QUIET)
        now = time.monotonic()
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            if first_output is None:
                first_output = now - start
            out += chunk
            entered = entered or ALT_SCREEN in out
            if until and usable is None and until in out:
                usable = now - start
            last = now
        elif entered and last is not None and (until is None or usable is not None):
            frame = frame if frame is not None else last - start
            break
        elif entered and last is not None and frame is None:
            frame = last - start
    os.write(fd, b"q")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        try:
            if select.select([fd], [], [], 0.05)[0]:
                os.read(fd, 65536)
        except OSError:
            pass
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    return first_output, frame, usable


def main():
    args = sys.argv[1:]
    runs, size, until = 5, "200x60", None
    if "--until" in args:
        i = args.index("--until")
        until = args[i + 1].encode()
        del args[i : i + 2]
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i : i + 2]
    if "--size" in args:
        i = args.index("--size")
        size = args[i + 1]
        del args[i : i + 2]
    if not args:
        sys.exit(__doc__ or "usage: first_frame.py BRIEVEN [PATHS...]")
    cols, rows = (int(x) for x in size.split("x"))
    argv = [os.path.abspath(args[0])] + args[1:]
    firsts, frames, usables = [], [], []
    for _ in range(runs):
        f, fr, us = one_run(argv, cols, rows, until)
        if f is not None:
            firsts.append(f)
        if fr is not None:
            frames.append(fr)
        if us is not None:
            usables.append(us)
    label = " ".join(args[1:]) or "(embedded letters)"
    ms = lambda xs: f"{statistics.median(xs) * 1000:.1f} ms" if xs else "none"
    usable = f", usable ({until.decode()}) {ms(usables)}" if until else ""
    print(f"{label} at {size}, {runs} runs: first output {ms(firsts)}, first frame {ms(frames)}"
          f" (min {min(frames) * 1000:.1f} ms, max {max(frames) * 1000:.1f} ms){usable}" if frames else
          f"{label}: first output {ms(firsts)}, no frame seen{usable}")


if __name__ == "__main__":
    main()
