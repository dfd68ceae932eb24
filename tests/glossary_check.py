#!/usr/bin/env python3
"""Checks the Dutch catalogue (data/po/nl.po) against data/po/glossary.md:
one word per concept. Prints each entry that breaks a rule and exits 1.

Usage: glossary_check.py ROOT

Entries used only by the command line (src/cli*.c) are left to its own
review; key names (msgctxt "key") are names, not words. Quoted text and
command lines ('session', "rung:", pact poll show) are not checked: they
are the words of files and commands.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import english_words  # noqa: E402

# When the English says the first, the Dutch says the second.
SAME_WORD = [
    (r"\bdelet", r"verwijder"),
    (r"\bclear", r"\bwis|wissen|gewist|leeg"),
    (r"\bquit\b", r"afsluit"),
    (r"\bwhole numbers?\b", r"\bgeheel (getal|aantal)|gehele getallen"),
    (r"\bsessions?\b", r"sessie"),
    (r"\bexperiment cards?\b", r"experimentkaart"),
    (r"\bbell\b", r"belsignaal"),
    (r"\bseed\b", r"startgetal"),
    (r"\bcast", r"\bstem uit|stem uitbrengen|inlever|\blever\b.*\bin\b|ingeleverd"),
    (r"\btimebox", r"\bduur\b"),
    (r"\brungs?\b(?!:)", r"\btrede"),
    (r"\bwork forms?\b", r"werkvorm"),
    (r"\bforget|\bforgotten", r"verge"),
    (r"\bballots?\b", r"stembiljet|\bstemmen\b|\bstem\b"),
    (r"\bvoters?\b(?![,:])", r"stemmer|stemcode"),
    (r"\bpolls?\b", r"stemming"),
    (r"\bimpact\b", r"gevolg"),
]

# Never in the Dutch (glossary column "never", and sentences issue 16
# rewrote).
NEVER = [
    r"\btimebox", r"\bdivergeren\b", r"(?<![a-z])biljet", r"stembiljet\w* uit\b",
    r"\bseed\b", r"budget_pot", r"\boffline\b", r"stad-aan-zet", r"moeilijk bereikba",
    r"burgerpanel", r"keukentafel", r"pact stoppen", r"\bhele? getal", r"yyyy",
    r"\bverwacht\b.*\bkreeg\b", r"wint de laagste kosten", r"putten eruit", r"\bbel\b",
    r"als je klaar bent", r"\buw\b", r"\bup\b", r"\bdown\b", r"\bspace\b", r"\bs-tab\b",
]


def plain(text):
    """text without quoted words and command lines."""
    text = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"|\\\"[^\"]*\\\"", " ", text)
    text = re.sub(r"\bpact (session|idea|import|export|poll|vote|tally|tree|demo|check|forget"
                  r"|purge|merge|join|brainstorm)\b( [a-z-]+)*", " ", text)
    return re.sub(r"--[a-z-]+( [A-Z]+)?", " ", text)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    bad = []
    for e in english_words.entries(root + "/data/po/nl.po"):
        if all(r.startswith("src/cli") for r in e["refs"]) or e.get("msgctxt") == "key":
            continue
        english = plain(english_words.unquote(e["msgid"] + " " + e.get("msgid_plural", "")))
        dutch = plain(" ".join(english_words.unquote(s) for s in e["msgstr"]))
        for en, nl in SAME_WORD:
            if re.search(en, english, re.I) and not re.search(nl, dutch, re.I):
                bad.append("%s: %r is not %r in: %s" % (e["refs"][0], en, nl, dutch[:120]))
        for word in NEVER:
            if re.search(word, dutch, re.I):
                bad.append("%s: %r in: %s" % (e["refs"][0], word, dutch[:120]))
    print("\n".join(bad))
    sys.exit(1 if bad else 0)


main()
