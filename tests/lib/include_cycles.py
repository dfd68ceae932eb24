#!/usr/bin/env python3
"""Print the include cycles between pact's modules, one per line; exit 1 when
there is one. A module is a .c file with its .h (src/board.c + src/board.h);
module A depends on B when A's .c or .h includes B's header. The core
(src/) must not depend on the screens (screens/) at all."""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "."
mods = {}
for top in ("src", "screens"):
    for d, _, files in os.walk(os.path.join(root, top)):
        for f in files:
            if f.endswith((".c", ".h")):
                path = os.path.relpath(os.path.join(d, f), root)
                mods.setdefault(path[:-2], []).append(path)


def resolve(inc, frm):
    """The module a quoted include names, as the compiler finds it."""
    for base in (os.path.dirname(frm), "src", "screens"):
        cand = os.path.normpath(os.path.join(base, inc))
        if cand.endswith(".h") and cand[:-2] in mods:
            return cand[:-2]
    return None


deps = {m: set() for m in mods}
for m, files in mods.items():
    for f in files:
        with open(os.path.join(root, f), encoding="utf-8") as fh:
            for inc in re.findall(r'^\s*#\s*include\s+"([^"]+)"', fh.read(), re.M):
                t = resolve(inc, f)
                if t and t != m:
                    deps[m].add(t)

bad = 0
for m in sorted(deps):
    if m.startswith("src/"):
        for t in sorted(deps[m]):
            if t.startswith("screens/"):
                print(f"{m} (core) includes the screen header {t}.h")
                bad = 1

# Cycles: strongly connected components with more than one module.
index, low, onstack, stack, sccs, n = {}, {}, set(), [], [], [0]


def strong(v):
    index[v] = low[v] = n[0]
    n[0] += 1
    stack.append(v)
    onstack.add(v)
    for w in sorted(deps[v]):
        if w not in index:
            strong(w)
            low[v] = min(low[v], low[w])
        elif w in onstack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            onstack.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            sccs.append(sorted(comp))


sys.setrecursionlimit(10000)
for v in sorted(deps):
    if v not in index:
        strong(v)
for comp in sccs:
    print("include cycle: " + " ↔ ".join(comp))
    bad = 1
sys.exit(bad)
