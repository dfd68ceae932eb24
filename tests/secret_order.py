#!/usr/bin/env python3
"""What an attacker with a copy of pact's files learns about the order of
secret ballots.

Usage: secret_order.py CAST_ORDER DIR [DIR ...]
  CAST_ORDER  a file with one line per cast ballot, in the order they were
              cast: the ballot's values, comma-separated, in the poll's
              option order (e.g. "3,1,7").
  DIR         a folder holding a snapshot of pact.db, pact.db-wal and
              pact.db-shm, taken while pact was still running (one per run).
              When it also holds codes-used.txt (the voter codes in the order
              they were used), the places of the used codes' rows are
              compared with that order too.

The script reads the raw bytes with its own page and frame reader (it never
lets SQLite touch the snapshot's -wal or -shm) and finds every place where a
secret ballot left a trace: the ballot table's cells and index entries, the
mark table's cells, the WAL's frames and the raw byte offsets of each
ballot's UUID. For each kind of on-disk order it computes Spearman's rank
correlation with the cast order. It prints one line per order and run, and
exits 1 when any order correlates with the cast order better than chance
allows: |rho| >= 0.75 in one run, or a mean over the runs more than 3.5
standard deviations from 0 (0.33 for four runs of 30 ballots).
"""
import os
import shutil
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import crypt  # libcrypt, as pact hashes voter codes
import sqlite3
import struct
import sys
import tempfile


def varint(buf, i):
    """SQLite's big-endian variable-length integer at buf[i]: (value, next)."""
    v = 0
    for k in range(8):
        b = buf[i + k]
        v = (v << 7) | (b & 0x7F)
        if not b & 0x80:
            return v, i + k + 1
    return (v << 8) | buf[i + 8], i + 9


def record(buf, i):
    """The values of the record starting at buf[i] (ints, text, None)."""
    hsize, j = varint(buf, i)
    end, types = i + hsize, []
    while j < end:
        t, j = varint(buf, j)
        types.append(t)
    vals, p = [], end
    for t in types:
        if t == 0:
            vals.append(None)
        elif 1 <= t <= 6:
            n = [1, 2, 3, 4, 6, 8][t - 1]
            vals.append(int.from_bytes(buf[p:p + n], "big", signed=True))
            p += n
        elif t in (8, 9):
            vals.append(t - 8)
        elif t == 7:
            vals.append(struct.unpack(">d", buf[p:p + 8])[0])
            p += 8
        elif t >= 12:
            n = (t - 12) // 2
            data = bytes(buf[p:p + n])
            vals.append(data.decode("utf-8", "replace") if t % 2 else data)
            p += n
        else:
            vals.append(None)
    return vals


def cells(page, pgno):
    """(kind, cell offset, values) of each cell on a b-tree page, or []."""
    h = 100 if pgno == 1 else 0
    kind = page[h]
    if kind not in (0x02, 0x05, 0x0A, 0x0D):
        return []
    n = int.from_bytes(page[h + 3:h + 5], "big")
    ptrs = h + (12 if kind in (0x02, 0x05) else 8)
    out = []
    for c in range(n):
        off = int.from_bytes(page[ptrs + 2 * c:ptrs + 2 * c + 2], "big")
        try:
            if kind == 0x0D:
                _, j = varint(page, off)
                rowid, j = varint(page, j)
                out.append((kind, off, c, [rowid] + record(page, j)))
            elif kind == 0x0A:
                _, j = varint(page, off)
                out.append((kind, off, c, record(page, j)))
            elif kind == 0x02:
                _, j = varint(page, off + 4)
                out.append((kind, off, c, record(page, j)))
        except (IndexError, ValueError):
            pass
    return out


def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2.0
        i = j + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra)
    vb = sum((y - mb) ** 2 for y in rb)
    if va == 0 or vb == 0:
        return None  # one side carries no order at all
    return cov / (va * vb) ** 0.5


def logical(folder):
    """Ballot uuid → cast index, read from a private copy of the database
    (its -wal applied by SQLite in the copy, never in the snapshot)."""
    tmp = tempfile.mkdtemp()
    for name in os.listdir(folder):
        shutil.copy(os.path.join(folder, name), tmp)
    con = sqlite3.connect(os.path.join(tmp, "pact.db"))
    rows = con.execute(
        "SELECT b.id, b.uuid, group_concat(m.value, ',') FROM ballot b JOIN "
        "(SELECT m.ballot_id, m.value FROM mark m JOIN poll_option o ON o.id = m.option_id "
        "ORDER BY o.position) m ON m.ballot_id = b.id GROUP BY b.id").fetchall()
    roots = dict(con.execute("SELECT name, rootpage FROM sqlite_master WHERE rootpage > 0"))
    con.close()
    shutil.rmtree(tmp)
    return rows, roots


def tree_pages(db, ps, root):
    """Every page of the b-tree at root in the database file, in key order."""
    out, stack = [], [root]
    while stack:
        pg = stack.pop()
        page = db[(pg - 1) * ps:pg * ps]
        if len(page) < ps:
            continue
        h = 100 if pg == 1 else 0
        kind = page[h]
        out.append(pg)
        if kind in (0x02, 0x05):
            n = int.from_bytes(page[h + 3:h + 5], "big")
            kids = [int.from_bytes(page[h + 8:h + 12], "big")]
            for c in range(n):
                off = int.from_bytes(page[h + 12 + 2 * c:h + 14 + 2 * c], "big")
                kids.insert(-1, int.from_bytes(page[off:off + 4], "big"))
            stack.extend(reversed(kids))
    return out


def orders(folder, cast):
    db = open(os.path.join(folder, "pact.db"), "rb").read()
    wal_path = os.path.join(folder, "pact.db-wal")
    wal = open(wal_path, "rb").read() if os.path.exists(wal_path) else b""
    ps = int.from_bytes(db[16:18], "big")
    ps = 65536 if ps == 1 else ps
    rows, roots = logical(folder)
    index = {}  # ballot uuid → cast index
    ids = {}    # ballot row id → uuid
    for rowid, uuid, values in rows:
        if values in cast:
            index[uuid] = cast.index(values)
            ids[rowid] = uuid
    found = {}

    def note(name, uuid, key):
        if uuid in index:
            found.setdefault(name, {}).setdefault(uuid, []).append(key)

    for name, root in roots.items():
        for pg in tree_pages(db, ps, root):
            page = db[(pg - 1) * ps:pg * ps]
            for kind, off, c, vals in cells(page, pg):
                if name == "ballot" and kind == 0x0D:
                    note("ballot rows by byte position", ids.get(vals[0]), (pg, off))
                    note("ballot rows by row id", ids.get(vals[0]), vals[0])
                elif name == "mark" and kind in (0x0A, 0x02) and vals:
                    note("marks by byte position", ids.get(vals[0]), (pg, off))
                elif kind in (0x0A, 0x02) and vals and name.startswith(("sqlite_autoindex_ballot",
                                                                        "ballot_by")):
                    rowid = vals[-1]
                    note("index entries of %s by byte position" % name, ids.get(rowid),
                         (pg, off))
    for uuid in index:
        at = db.find(uuid.encode())
        if at >= 0:
            note("first UUID byte offset in the database", uuid, at)
    # The WAL: every frame, whatever page it holds.
    if len(wal) >= 32:
        wps = int.from_bytes(wal[8:12], "big")
        frame, pos = 0, 32
        while pos + 24 + wps <= len(wal):
            page = wal[pos + 24:pos + 24 + wps]
            for uuid in index:
                if uuid.encode() in page:
                    note("first WAL frame holding the ballot", uuid, frame)
            frame += 1
            pos += 24 + wps
    # The -shm: the wal-index lists, frame by frame, which page each frame
    # of the -wal held (even after the -wal was emptied, until the next
    # write). The place of a ballot's page in that list is an order too.
    shm_path = os.path.join(folder, "pact.db-shm")
    shm = open(shm_path, "rb").read() if os.path.exists(shm_path) else b""
    if len(shm) >= 136 + 4:
        frames = {}
        for f in range(4062):
            at = 136 + 4 * f
            if at + 4 > len(shm):
                break
            pg = int.from_bytes(shm[at:at + 4], sys.byteorder)
            if pg:
                frames.setdefault(pg, f)
        for uuid, keys in list(found.get("ballot rows by byte position", {}).items()):
            pg = min(keys)[0]
            if pg in frames:
                note("first -shm frame listing the ballot's page", uuid, frames[pg])
    # Voter codes: the row of each used code, found by hashing it with the
    # poll's salt, against the order the codes were used in.
    used_path = os.path.join(folder, "codes-used.txt")
    if os.path.exists(used_path) and "voter_code" in roots:
        used = [c.strip().replace("-", "") for c in open(used_path) if c.strip()]
        tmp = tempfile.mkdtemp()
        shutil.copy(os.path.join(folder, "pact.db"), tmp)
        con = sqlite3.connect(os.path.join(tmp, "pact.db"))
        salt = con.execute("SELECT code_salt FROM poll WHERE code_salt IS NOT NULL").fetchone()
        con.close()
        shutil.rmtree(tmp)
        hashes = {crypt.crypt(c, salt[0]): "code:%d" % i for i, c in enumerate(used)} if salt else {}
        for i in range(len(used)):
            index["code:%d" % i] = i
        for pg in tree_pages(db, ps, roots["voter_code"]):
            page = db[(pg - 1) * ps:pg * ps]
            for kind, off, c, vals in cells(page, pg):
                if len(vals) >= 2 and vals[1] in hashes:
                    note("used voter codes by byte position", hashes[vals[1]], (pg, off))
    out = {}
    for name, per in found.items():
        uu = [u for u in per if u in index]
        if len(uu) < 10:
            continue
        key = [min(per[u]) for u in uu]
        rho = spearman([index[u] for u in uu], key)
        if rho is not None:
            out[name] = rho
    return out, len([u for u in index if not u.startswith("code:")]), len(wal), len(shm)


def main():
    cast = [line.strip() for line in open(sys.argv[1]) if line.strip()]
    results = {}
    bad = False
    for folder in sys.argv[2:]:
        rhos, n, walsize, shmsize = orders(folder, cast)
        print("run %s: %d of %d ballots identified; -wal %d bytes, -shm %d bytes" %
              (os.path.basename(folder), n, len(cast), walsize, shmsize))
        if n != len(cast):
            print("  not every ballot was found in the database")
            bad = True
        for name, rho in sorted(rhos.items()):
            print("  %-55s rho = %+.2f" % (name, rho))
            results.setdefault(name, []).append(rho)
            if abs(rho) >= 0.75:
                bad = True
    if not results:
        print("no on-disk order to compare")
        bad = True
    n = max(len(cast), 2)
    for name, rs in sorted(results.items()):
        mean = sum(rs) / len(rs)
        limit = max(0.3, 3.5 / ((n - 1) * len(rs)) ** 0.5)
        print("mean over %d runs: %-45s %+.2f (limit %.2f)" % (len(rs), name, mean, limit))
        if abs(mean) >= limit:
            bad = True
    print("cast order recoverable" if bad else "cast order not recoverable")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
