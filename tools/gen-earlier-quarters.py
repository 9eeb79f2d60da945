#!/usr/bin/env python3
"""gen-earlier-quarters.py: two earlier quarter-ends for the sample data.

    python3 tools/gen-earlier-quarters.py

With sample-data/records/ (2026-06-30 and 2026-09-30, written by
gen-sample-data.py) this gives every sample LA four quarter-ends, so
`fosterbeds trend` has a year to show.  It writes
sample-data/quarters/<code>-<slug>-<date>.csv for 2025-12-31 and 2026-03-31,
each derived from the LA's 2026-06-30 beds going backwards: a bed's status
changes with a small chance per quarter (new child references, reasons to
match), and a few households that joined by June are not there yet.  Every
row stays valid under the standard: a reason only on the status that takes
it, child_ref only on filled beds, never more than three filled beds in a
household.  Deterministic (fixed seed, standard library only); synthetic:
no real child or household.
"""
import csv
import os
import random

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
RECORDS = os.path.join(ROOT, "sample-data", "records")
OUT = os.path.join(ROOT, "sample-data", "quarters")
QUARTERS = ["2026-03-31", "2025-12-31"]   # going backwards from 2026-06-30
UNAVAILABLE = ["carer_break", "child_needs", "sibling_only", "carer_health", "adaptation"]
VACANCY = ["complexity", "education", "impact_on_household", "logistics", ""]


def step_back(rows, rng, serial):
    """The quarter before: a few households absent, some statuses changed."""
    households = sorted({r["household_id"] for r in rows})
    gone = {h for h in households if rng.random() < 0.02}
    prev = []
    for r in rows:
        if r["household_id"] in gone:
            continue
        r = dict(r)
        if rng.random() < 0.12:
            r["status"] = rng.choice(["filled", "filled", "vacant", "unavailable"])
        prev.append(r)
    # Keep every household within the usual fostering limit.
    filled = {}
    for r in prev:
        if r["status"] == "filled":
            filled[r["household_id"]] = filled.get(r["household_id"], 0) + 1
            if filled[r["household_id"]] > 3:
                r["status"] = "vacant"
    for r in prev:
        st = r["status"]
        r["unavailable_reason"] = (r["unavailable_reason"] or rng.choice(UNAVAILABLE)) \
            if st == "unavailable" else ""
        r["vacancy_reason"] = (r["vacancy_reason"] if r["vacancy_reason"] else
                               rng.choice(VACANCY)) if st == "vacant" else ""
        if st != "filled":
            r["child_ref"] = ""
        elif not r["child_ref"]:
            serial[0] += 1
            r["child_ref"] = "C8%05d" % serial[0]
        if r["ofsted_status"] != "not_counted" and r["bed_use"] == "mainstream":
            r["ofsted_status"] = st
    return prev


def main():
    os.makedirs(OUT, exist_ok=True)
    serial = [0]
    for name in sorted(os.listdir(RECORDS)):
        with open(os.path.join(RECORDS, name), newline="", encoding="utf-8") as f:
            rd = csv.DictReader(f)
            fields = rd.fieldnames
            june = [r for r in rd if r["snapshot_date"] == "2026-06-30"]
        rng = random.Random("%s-earlier-quarters" % name)
        rows = june
        for date in QUARTERS:
            rows = step_back(rows, rng, serial)
            for r in rows:
                r["snapshot_date"] = date
            path = os.path.join(OUT, "%s-%s.csv" % (name[:-4], date))
            with open(path, "w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
                w.writeheader()
                w.writerows(rows)


if __name__ == "__main__":
    main()
