#!/usr/bin/env python3
"""The interface's English words that must not show on a Dutch screen, one a
line, for tests/dutch.sh (grep -w -F -f).

Made from the catalogue (data/po/nl.po): every short English label (at most
three words, no format directives) of the screens and the core whose Dutch
differs; a label is left out when it is also a Dutch word, that is when it
occurs as a word in the Dutch catalogue or in the shipped Dutch texts (work
forms, the demo, the decision tree, the prompt cards). Then the internal ids
the screens must show by name: rungs, tracks, columns, roles, modes, kinds,
and the English names of the work forms.

Usage: english_words.py ROOT [--pending]
  --pending: only the words that wait for another change (the counting
  methods' names on the Vote panel); they are listed apart until then.
"""
import csv
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."

# The counting methods' ids: the Vote panel will show them by Dutch names
# (tally_method_label, issue 16). Until that lands they are "pending".
PENDING = ["dot", "approval", "borda", "irv", "schulze", "pb-greedy", "pb-mes"]

IDS = [
    # rungs (the ids that are not Dutch words as they stand)
    "stad-aan-zet",
    # tracks, columns, target groups, roles, modes, costs, repeat answers
    "visions", "letting-go", "new-roles", "preparing", "running", "evaluating",
    "anchored", "stopped", "residents", "entrepreneurs", "institutions",
    "resident", "entrepreneur", "institution", "civil_servant", "council_member",
    "offline", "both", "medium",
    # kinds and tables
    "sessions", "ideas", "budgets", "budget_pot", "experiments", "evaluations",
    "advices", "participants", "rounds", "session",
    # rounds, tie rules and lots
    "Timebox", "seed",
]


def unquote(s):
    return s.encode("latin-1", "backslashreplace").decode("unicode_escape") \
        if "\\" in s else s


def entries(path):
    """(refs, msgctxt, msgid, [msgstr…]) of a PO file."""
    out, cur, field = [], None, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                out.append(cur)
            cur, field = None, None
            continue
        if cur is None:
            cur = {"refs": [], "msgstr": []}
        if line.startswith("#:"):
            cur["refs"] += line[2:].split()
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
        if m:
            field = m.group(1)
            if field.startswith("msgstr"):
                cur["msgstr"].append(m.group(2))
            else:
                cur[field] = m.group(2)
            continue
        m = re.match(r'^"(.*)"$', line)
        if m and field:
            if field.startswith("msgstr"):
                cur["msgstr"][-1] += m.group(1)
            else:
                cur[field] += m.group(1)
    if cur:
        out.append(cur)
    return [e for e in out if e.get("msgid")]


def dutch_text():
    """Every Dutch text pact ships: catalogue, work forms, demo, tree, prompts."""
    texts = []
    for e in entries(ROOT + "/data/po/nl.po"):
        if not all(r.startswith("src/cli") for r in e["refs"]):
            texts += [unquote(s) for s in e["msgstr"]]
    with open(ROOT + "/data/werkvormen.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            texts += [row["name_nl"], row["description_nl"]]
    # the Dutch demo's own words (its cards name work forms by their
    # English names, which the screens show in Dutch)
    with open(ROOT + "/data/demo.experiments.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            texts += [row[c] for c in ("title", "description", "opgave", "owner", "team")]
    with open(ROOT + "/data/demo.evaluations.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            texts += [v for k, v in row.items() if k not in ("id", "experiment", "repeat")]
    for name in ("tree.txt", "prompts.txt"):
        with open(ROOT + "/data/" + name, encoding="utf-8") as f:
            texts += [l.split(":", 1)[1] for l in f
                      if re.match(r"^\s*(nl|help-nl|promise-nl):", l)]
    text = "\n".join(texts)
    # command lines and quoted words are not the interface's Dutch
    text = re.sub(r"'[^'\n]*'", " ", text)
    text = re.sub(r"\bpact( [a-z-]+)+", " ", text)
    return text


def is_word_in(phrase, text):
    return re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text) is not None


def labels():
    out = []
    for e in entries(ROOT + "/data/po/nl.po"):
        msgid = unquote(e["msgid"])
        if not any(r.startswith(("screens/", "src/")) and not r.startswith("src/cli")
                   for r in e["refs"]):
            continue
        if "%" in msgid or "\n" in msgid or len(msgid.split()) > 3:
            continue
        if not re.search(r"[A-Za-z]{2}", msgid):
            continue
        if any(unquote(s) == msgid for s in e["msgstr"]):
            continue
        out.append(msgid.strip(" .:…"))
    return out


def main():
    if "--pending" in sys.argv:
        print("\n".join(PENDING))
        return
    dutch = dutch_text()
    words = []
    with open(ROOT + "/data/werkvormen.csv", encoding="utf-8") as f:
        names = [row["name"] for row in csv.DictReader(f) if row["name"] != row["name_nl"]]
    for w in labels() + IDS + names:
        if w and w not in words and w not in PENDING and not is_word_in(w, dutch):
            words.append(w)
    print("\n".join(words))


if __name__ == "__main__":
    main()
