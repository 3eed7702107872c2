#!/usr/bin/env python3
# scripts/reader_keys.py: times the reader's answer to single keys in a real pseudo-terminal,
# from the key's write to the screen showing its result (issue 17: a typed character shown
# within 16 ms, search results within 50 ms, Enter on a hit and `j` in a concordance within
# 50 ms, SIGTERM honoured within 100 ms). Not run by CI.
#
# Usage: scripts/reader_keys.py BRIEVEN DIR [--runs N] [--size 200x60] [--query Q]
#                               [--term-query Q] [--enters N] [--steps N]
#
# Starts `BRIEVEN --no-state DIR` on a pseudo-terminal (TERM=xterm-256color; the cache is
# whatever XDG_CACHE_HOME says: fill it first, e.g. with `BRIEVEN list DIR`), keeps its own
# picture of the screen (a small terminal emulator: cursor moves, erases, text and background
# colours, enough for ratatui's output), and per run:
#   0. while the letters load (the reader opened on the on-disk index, "Loading letters" in
#      the status line): writes --query whole into the search overlay, again and again, and
#      times the query shown and its results, answered from the index ("early typed", "early
#      results": only those whose results came while the letters were still loading count);
#   1. waits for the letters to be in and for the register (`r` lists its tabs; Esc), so the
#      search runs on the loaded letters; not timed;
#   2. types --query (default `encryptie`) one key at a time; per key, the time to the query
#      line showing it ("typed") and to the overlay showing the results for it ("results");
#   3. types --term-query (default `term:grooming`: its first hit is a term), then Enter on
#      the first hit, --enters times (`/` reopens the overlay on it between them): the time
#      to the overlay closed and the status line at occurrence 1 of the trail ("enter");
#   4. `r`, Tab to the Terms tab and Enter on its first (most frequent) term: the time to the
#      concordance ("concordance"), then `j` --steps times: the time to the next occurrence
#      shown selected ("j");
#   5. `j` and 20 ms later SIGTERM: the time from the signal to the alternate screen left
#      ("sigterm") and to the process gone ("exit").
# Prints, per measure, the number of samples, the median and the maximum in ms, then per
# prefix of --query the medians of "typed" and "results". Python 3 standard library only.
import codecs
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
import unicodedata

TIMEOUT = 600.0


class Screen:
    """The subset of a VT100/xterm that ratatui's crossterm backend writes."""

    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.pending = ""
        self.clear()
        self.x = self.y = 0
        self.bg = None
        self.reverse = False
        self.raw = b""

    def clear(self):
        self.chars = [[" "] * self.cols for _ in range(self.rows)]
        self.bgs = [[None] * self.cols for _ in range(self.rows)]

    def feed(self, data):
        self.raw = (self.raw + data)[-256:]
        text = self.pending + self.decoder.decode(data)
        self.pending = ""
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if c == "\x1b":
                if i + 1 >= n:
                    self.pending = text[i:]
                    return
                nxt = text[i + 1]
                if nxt == "[":
                    m = re.compile(r"\[([?>=]?)([0-9;:]*)([ -/]*)([@-~])").match(text, i + 1)
                    if not m:
                        self.pending = text[i:]
                        return
                    self.csi(m.group(1), m.group(2), m.group(4))
                    i = m.end()
                    continue
                if nxt == "]":
                    end = re.compile(r"\x07|\x1b\\").search(text, i + 2)
                    if not end:
                        self.pending = text[i:]
                        return
                    i = end.end()
                    continue
                i += 2
                continue
            if c == "\r":
                self.x = 0
            elif c == "\n":
                self.y = min(self.y + 1, self.rows - 1)
            elif c == "\b":
                self.x = max(self.x - 1, 0)
            elif c >= " ":
                w = char_width(c)
                if w == 0:
                    i += 1
                    continue
                if self.x + w > self.cols:
                    self.x, self.y = 0, min(self.y + 1, self.rows - 1)
                self.chars[self.y][self.x] = c
                self.bgs[self.y][self.x] = ("rev", self.bg) if self.reverse else self.bg
                if w == 2 and self.x + 1 < self.cols:
                    self.chars[self.y][self.x + 1] = ""
                self.x += w
            i += 1

    def csi(self, private, params, final):
        nums = [int(p) if p.isdigit() else 0 for p in params.replace(":", ";").split(";")] if params else []
        arg = lambda k, d: nums[k] if len(nums) > k and nums[k] else d
        if private:
            if final in "hl" and 1049 in nums:
                self.clear()
            return
        if final in "Hf":
            self.y = min(arg(0, 1) - 1, self.rows - 1)
            self.x = min(arg(1, 1) - 1, self.cols - 1)
        elif final == "A":
            self.y = max(self.y - arg(0, 1), 0)
        elif final == "B":
            self.y = min(self.y + arg(0, 1), self.rows - 1)
        elif final == "C":
            self.x = min(self.x + arg(0, 1), self.cols - 1)
        elif final == "D":
            self.x = max(self.x - arg(0, 1), 0)
        elif final == "G":
            self.x = min(arg(0, 1) - 1, self.cols - 1)
        elif final == "J":
            if arg(0, 0) in (2, 3):
                self.clear()
            elif arg(0, 0) == 0:
                self.chars[self.y][self.x :] = [" "] * (self.cols - self.x)
                for r in range(self.y + 1, self.rows):
                    self.chars[r] = [" "] * self.cols
        elif final == "K":
            mode = arg(0, 0)
            lo, hi = {0: (self.x, self.cols), 1: (0, self.x + 1), 2: (0, self.cols)}.get(mode, (0, 0))
            for x in range(lo, hi):
                self.chars[self.y][x] = " "
                self.bgs[self.y][x] = self.bg
        elif final == "m":
            self.sgr(nums or [0])

    def sgr(self, nums):
        k = 0
        while k < len(nums):
            p = nums[k]
            if p == 0:
                self.bg, self.reverse = None, False
            elif p == 7:
                self.reverse = True
            elif p == 27:
                self.reverse = False
            elif 40 <= p <= 47 or 100 <= p <= 107:
                self.bg = p
            elif p == 49:
                self.bg = None
            elif p in (38, 48):
                if k + 1 < len(nums) and nums[k + 1] == 5:
                    if p == 48 and k + 2 < len(nums):
                        self.bg = ("256", nums[k + 2])
                    k += 2
                elif k + 1 < len(nums) and nums[k + 1] == 2:
                    if p == 48:
                        self.bg = ("rgb", tuple(nums[k + 2 : k + 5]))
                    k += 4
            k += 1

    def line(self, y):
        return "".join(self.chars[y])

    def text(self):
        return "\n".join(self.line(y) for y in range(self.rows))


def char_width(c):
    if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


class Reader:
    def __init__(self, brieven, paths, cols, rows):
        self.config = tempfile.mkdtemp(prefix="brieven-keys-")
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ["TERM"] = "xterm-256color"
            os.environ["XDG_CONFIG_HOME"] = self.config
            os.environ.pop("NO_COLOR", None)
            os.execv(brieven, [brieven, "--no-state"] + paths)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.screen = Screen(cols, rows)
        self.closed = False

    def send(self, keys):
        os.write(self.fd, keys.encode())
        return time.monotonic()

    def wait(self, what, predicate, timeout=TIMEOUT):
        """Reads until `predicate(screen)` holds; returns when the bytes that made it hold were
        read."""
        if predicate(self.screen):
            return time.monotonic()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                chunk = b""
            now = time.monotonic()
            if not chunk:
                self.closed = True
                raise RuntimeError(f"the reader ended while waiting for {what}")
            self.screen.feed(chunk)
            if predicate(self.screen):
                return now
        raise RuntimeError(f"timed out waiting for {what}:\n{self.screen.text()}")

    def quiet(self, seconds=0.3):
        """Reads until nothing came for `seconds`."""
        while select.select([self.fd], [], [], seconds)[0]:
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            self.screen.feed(chunk)

    def finish(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)
        shutil.rmtree(self.config, ignore_errors=True)


def query_line(screen, query):
    """The overlay's query line showing `query`, if it is on screen."""
    needle = "/ " + query + "▏"
    for y in range(screen.rows):
        line = screen.line(y)
        if needle in line:
            return line
    return None


RESULTS = re.compile(r"\b(\d+ results|1 result)\b")


def loading(screen):
    return "Loading letters" in screen.text()


def one_run(brieven, paths, cols, rows, opts, samples):
    r = Reader(brieven, paths, cols, rows)
    try:
        # The Letters pane and the whole status line (it ends in "? help").
        r.wait("the reader", lambda s: "Letters (" in s.text() and "? help" in s.line(s.rows - 1))
        if loading(r.screen):
            # Searching the on-disk index while the letters load: the whole query written at
            # once, again and again while they load.
            r.send("/")
            r.wait("the overlay", lambda s: query_line(s, "") is not None)
            q = opts["query"]
            while True:
                t0 = r.send(q)
                t1 = r.wait(f"{q!r} typed", lambda s: query_line(s, q) is not None)
                t2 = r.wait(
                    f"results for {q!r}",
                    lambda s: RESULTS.search(query_line(s, q) or "") is not None,
                )
                r.send("\x1b")
                r.wait("the overlay closed", lambda s: query_line(s, q) is None)
                if not loading(r.screen):
                    break
                samples["early typed"].append(t1 - t0)
                samples["early results"].append(t2 - t0)
                r.send("/")
                r.wait("the overlay again", lambda s: query_line(s, q) is not None)
                r.send("\x15")
                r.wait("the query cleared", lambda s: query_line(s, "") is not None)
            # The query cleared, the overlay closed.
            r.send("/")
            r.wait("the overlay", lambda s: query_line(s, q) is not None)
            r.send("\x15")
            r.wait("the query cleared", lambda s: query_line(s, "") is not None)
            r.send("\x1b")
            r.wait("the overlay closed", lambda s: query_line(s, "") is None)
        r.wait("the letters loaded", lambda s: "Letters (" in s.text() and not loading(s))
        # The register and index built or read (the register view lists its tabs): the search
        # then runs on the loaded letters.
        r.send("r")
        r.wait("the register", lambda s: "Organisations (" in s.text())
        r.send("\x1b")
        r.wait("the register closed", lambda s: "Register — Tab kind" not in s.text())
        r.quiet()
        r.send("/")
        r.wait(
            "the search to be ready",
            lambda s: query_line(s, "") is not None and "building the index" not in s.text(),
        )
        # Typing, one key at a time.
        typed = ""
        for c in opts["query"]:
            t0 = r.send(c)
            typed += c
            t1 = r.wait(f"{typed!r} typed", lambda s: query_line(s, typed) is not None)
            t2 = r.wait(
                f"results for {typed!r}",
                lambda s: RESULTS.search(query_line(s, typed) or "") is not None,
            )
            samples["typed"].append(t1 - t0)
            samples["results"].append(t2 - t0)
            samples.setdefault("per key", {}).setdefault(typed, []).append((t1 - t0, t2 - t0))
        r.send("\x15")  # Ctrl-u: clear the query
        r.wait("the query cleared", lambda s: query_line(s, "") is not None)
        # Enter on the first hit of a term query.
        for c in opts["term_query"]:
            r.send(c)
        tq = opts["term_query"]
        r.wait(f"results for {tq!r}", lambda s: RESULTS.search(query_line(s, tq) or "") is not None)
        r.quiet()
        trail = re.compile(r"\b1 of \d+ · ")
        for k in range(opts["enters"]):
            if k:
                r.send("/")
                r.wait("the overlay again", lambda s: RESULTS.search(query_line(s, tq) or "") is not None)
                r.quiet()
            t0 = r.send("\r")
            t1 = r.wait(
                "the first occurrence",
                lambda s: query_line(s, tq) is None and trail.search(s.line(s.rows - 1)) is not None,
            )
            samples["enter"].append(t1 - t0)
            r.quiet()
        # The concordance of the most frequent term.
        r.send("r")
        r.wait("the register", lambda s: "Register — Tab kind" in s.text())
        r.quiet()
        for _ in range(3):
            r.send("\t")
            r.quiet()
        t0 = r.send("\r")
        head = "occurrences; Enter jumps there"
        t1 = r.wait("the concordance", lambda s: head in s.text())
        samples["concordance"].append(t1 - t0)
        r.quiet()
        y0 = next(y for y in range(r.screen.rows) if head in r.screen.line(y)) + 1
        width = min(120, cols - 4)
        x = (cols - width) // 2 + 2
        selected = r.screen.bgs[y0][x]
        if selected == r.screen.bgs[y0 + 1][x]:
            raise RuntimeError("cannot tell the selected occurrence:\n" + r.screen.text())
        steps = min(opts["steps"], rows - y0 - 4)
        for k in range(1, steps + 1):
            t0 = r.send("j")
            y = y0 + k
            t1 = r.wait(
                f"occurrence {k + 1} selected",
                lambda s: s.bgs[y][x] == selected and s.bgs[y - 1][x] != selected,
            )
            samples["j"].append(t1 - t0)
        # SIGTERM in the middle of work: 20 ms after a key, while its frame is made.
        r.send("j")
        time.sleep(0.02)
        t0 = time.monotonic()
        os.kill(r.pid, signal.SIGTERM)
        t1 = r.wait("the terminal given back", lambda s: b"\x1b[?1049l" in s.raw, timeout=30)
        samples["sigterm"].append(t1 - t0)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            done, _ = os.waitpid(r.pid, os.WNOHANG)
            if done:
                samples["exit"].append(time.monotonic() - t0)
                break
            try:
                if select.select([r.fd], [], [], 0.002)[0]:
                    os.read(r.fd, 1 << 16)
            except OSError:
                pass
    finally:
        r.finish()


def main():
    args = sys.argv[1:]
    opts = {"runs": 1, "size": "200x60", "query": "encryptie", "term_query": "term:grooming",
            "enters": 5, "steps": 20}
    for flag in list(opts):
        name = "--" + flag.replace("_", "-")
        if name in args:
            i = args.index(name)
            value = args[i + 1]
            opts[flag] = int(value) if isinstance(opts[flag], int) else value
            del args[i : i + 2]
    if len(args) < 2:
        sys.exit("usage: reader_keys.py BRIEVEN DIR [--runs N] [--size COLSxROWS] [--query Q] "
                 "[--term-query Q] [--enters N] [--steps N]")
    cols, rows = (int(v) for v in opts["size"].split("x"))
    brieven = os.path.abspath(args[0])
    names = ("early typed", "early results", "typed", "results", "enter", "concordance", "j",
             "sigterm", "exit")
    samples = {k: [] for k in names}
    for _ in range(opts["runs"]):
        one_run(brieven, args[1:], cols, rows, opts, samples)
    print(f"{' '.join(args[1:])} at {opts['size']}, {opts['runs']} run(s), "
          f"query {opts['query']!r}, term query {opts['term_query']!r}:")
    per_key = samples.pop("per key", {})
    for name, xs in samples.items():
        if xs:
            print(f"  {name:<12} n={len(xs):<3} median {statistics.median(xs) * 1000:8.1f} ms"
                  f"   max {max(xs) * 1000:8.1f} ms")
        else:
            print(f"  {name:<12} no samples")
    print("  per key, median typed / results:")
    for typed, pairs in per_key.items():
        ms = lambda k: statistics.median(p[k] for p in pairs) * 1000
        print(f"    {typed!r:<14} {ms(0):8.1f} / {ms(1):8.1f} ms")


if __name__ == "__main__":
    main()
