#!/usr/bin/env python3
"""gen-episodes.py: synthetic bed-status episodes for a quarter.

Writes sample-data/episodes/<code>-<slug>.csv for three sample LAs, one
quarter, 2026-07-01..2026-09-30, in the episode form of the standard
(spec/bed-episodes.md).  Everything is synthetic.  Deterministic: each LA's
choices come from random.Random(20260701 * 1000 + la_code), so a rerun gives
byte-identical files.

Each bed has a chain of episodes that never overlap and leave no gap: the
first starts before the quarter (some long before), each later one the day
after the previous ends, and the last is open (status_to blank).  A few beds
are approved during the quarter (their first episode starts inside it).

    python3 tools/gen-episodes.py [OUTDIR]
"""
import datetime
import os
import random
import sys

LAS = [(851, "portsmouth", 40), (867, "bracknell-forest", 25), (872, "wokingham", 30)]
START = datetime.date(2026, 7, 1)
END = datetime.date(2026, 9, 30)
HEADER = ("la_code,status_from,status_to,household_id,bed_id,bed_use,status,"
          "unavailable_reason,vacancy_reason,child_ref,ofsted_status")
UNAVAILABLE = ["carer_break", "child_needs", "carer_health", "adaptation"]
VACANCY = ["complexity", "logistics", "no_match", "education"]


def status_row(rng, use):
    r = rng.random()
    if r < 0.65:
        return "filled", "", "", "C%06d" % rng.randrange(1000000), "filled"
    if r < 0.85:
        return "vacant", "", rng.choice(VACANCY), "", "vacant"
    return "unavailable", rng.choice(UNAVAILABLE), "", "", "unavailable"


def la_rows(code, nbeds):
    rng = random.Random(20260701 * 1000 + code)
    rows = []
    bed = 0
    hh = 0
    while bed < nbeds:
        hh += 1
        for b in range(1, min(rng.choice([1, 1, 2, 2, 3]), nbeds - bed) + 1):
            bed += 1
            use = rng.choices(["mainstream", "respite", "emergency"], [85, 10, 5])[0]
            if rng.random() < 0.1:
                frm = START + datetime.timedelta(days=rng.randrange(1, 80))
            else:
                frm = START - datetime.timedelta(days=rng.randrange(1, 400))
            while True:
                length = rng.randrange(7, 120)
                to = frm + datetime.timedelta(days=length - 1)
                st, ur, vr, child, ofs = status_row(rng, use)
                last = to >= END
                rows.append([str(code), frm.isoformat(), "" if last else to.isoformat(),
                             "HH-%04d" % hh, str(b), use, st, ur, vr, child, ofs])
                if last:
                    break
                frm = to + datetime.timedelta(days=1)
    return rows


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "sample-data", "episodes")
    os.makedirs(out, exist_ok=True)
    for code, slug, nbeds in LAS:
        with open(os.path.join(out, "%d-%s.csv" % (code, slug)), "w", newline="\n") as f:
            f.write(HEADER + "\n")
            for r in la_rows(code, nbeds):
                f.write(",".join(r) + "\n")


if __name__ == "__main__":
    main()
