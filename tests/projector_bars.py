#!/usr/bin/env python3
"""Reads a projector screen (tests/poll.sh) and checks that every bar is on
one scale and that no tie is split between large and small rows.

Usage: projector_bars.py SCREEN NAME=VALUE... (NAME: the start of an
option's name as the screen shows it, VALUE: its count). A large row has
its name on one line and its bar under the name's first letter; a small
row ("4. Name … bar value") has both on its line. Exit 1 with the reason
when a bar is off the scale of the longest one, or when the options of one
position are some large and some small."""
import re
import sys

EIGHTHS = {"█": 8, "▉": 7, "▊": 6, "▋": 5, "▌": 4, "▍": 3, "▎": 2, "▏": 1}


def run_at(line, col):
    """Eighths of the bar that starts at col (0 if none)."""
    n = 0
    while col < len(line) and line[col] in EIGHTHS:
        n += EIGHTHS[line[col]]
        col += 1
    return n


def main():
    lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
    want = {}
    for arg in sys.argv[2:]:
        name, value = arg.rsplit("=", 1)
        want[name] = int(value)
    bars, small = {}, {}
    for name in want:
        for i, line in enumerate(lines):
            m = re.match(r" *(\d+)([.=]) ", line)
            col = line.find(name)
            if col < 0:
                continue
            if m and col == m.end():  # small: "4. Name   ███ 2 (13%)"
                rest = line[col + len(name):]
                first = min((rest.find(c) for c in EIGHTHS if rest.find(c) >= 0), default=-1)
                bars[name] = run_at(rest, first) if first >= 0 else 0
                small[name] = m.group(1) + m.group(2)
            elif i + 1 < len(lines):  # large: the bar under the name
                bars[name] = run_at(lines[i + 1], col)
            break
    shown = [n for n in want if n in bars]
    if not shown:
        print("no option found on the screen")
        return 1
    top = max(shown, key=lambda n: want[n])
    for n in shown:
        # eighths of a cell, rounded: one eighth either way
        expect = bars[top] * want[n] / want[top] if want[top] else 0
        if abs(bars[n] - expect) > 1:
            print(f"'{n}' ({want[n]}) has a bar of {bars[n] / 8} cells; on the scale of "
                  f"'{top}' ({want[top]}: {bars[top] / 8} cells) it would be {expect / 8}")
            return 1
    # a position ("2=") shared by options shown large and small
    for n in shown:
        if n in small and small[n].endswith("="):
            big = [m for m in shown if m not in small and want[m] == want[n]]
            if big:
                print(f"'{n}' is small but ties with '{big[0]}', which is large")
                return 1
    return 0


sys.exit(main())
