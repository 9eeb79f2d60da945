#!/usr/bin/env python3
"""gen-sample-data.py: write fosterbeds' synthetic sample data.

    python3 tools/gen-sample-data.py

writes, under sample-data/:

  records/<code>-<slug>.csv  one file per South East LA, two quarter-end
                             snapshots each (2026-06-30 and 2026-09-30)
  EXPECTED.csv               the same, in report --format csv's columns
  EXPECTED.md                the figures in those files, recounted from the
                             written files (not from the generator's memory)
  broken/*.csv               one small file per validation rule, each showing
                             exactly that one finding, plus csv-edge-cases.csv
                             (valid, awkward CSV)
  broken/README.md           which finding each broken file shows, and where
  ofsted-return-2026-09-30.csv
                             an Ofsted-style return for the 19 LAs at
                             2026-09-30 (la_code, snapshot_date, approved,
                             filled, vacant, unavailable), built from each
                             LA's ofsted_status column plus a few places no
                             bed record accounts for (RETURN_EXTRAS) and two
                             rows whose approved is not filled + vacant +
                             unavailable (RETURN_UNBALANCED)
  EXPECTED-reconcile.csv     the return against the standard count of the
                             2026-09-30 records, per LA and pooled, recounted
                             from the written files: for reconcile
  EXPECTED-bridge.csv        the 2026-09-30 beds per LA (and pooled) by
                             ofsted_status x regional category, zero cells
                             included

Everything is synthetic: no real child, carer or household.  The output is
deterministic (fixed seeds, standard library only), so a rerun gives
byte-identical files.  The generator prints the pooled figures per snapshot
and exits 1 if they miss the targets below.
"""

import csv
import io
from fractions import Fraction
import os
import random
import sys

SEED = 20260331
DATES = ("2026-06-30", "2026-09-30")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "sample-data")

FIELDS = ("la_code", "snapshot_date", "household_id", "bed_id", "bed_use", "status",
          "unavailable_reason", "vacancy_reason", "child_ref", "ofsted_status")

# Targets for the pooled region, per snapshot date: the South East deep dive
# (regional fostering group, March 2026): 63% of beds filled counting
# respite/emergency beds, 67% leaving them out, about 12% vacant; the Ofsted
# return "as submitted" read 57% filled and 20% vacant.
TARGETS = {
    "utilisation_incl": (63.0, 1.5),
    "utilisation_excl": (67.0, 1.5),
    "vacant": (12.0, 1.5),
    "unavailable": (25.0, 2.0),
    "respite_emergency_share": (12.0, 2.0),
    "ofsted_filled": (57.0, 1.0),
    "ofsted_vacant": (20.0, 1.0),
}

# ---------------------------------------------------------------------------
# The LAs.  approved = approved fostering places at 31 March 2019, from
# Ofsted's "Fostering in England 1 April 2018 to 31 March 2019" LA-level data
# (Crown copyright, Open Government Licence v3.0); filled_pct = its filled
# places / approved places.  Both are copied here so the generator needs no
# other file.
#
# The chance a mainstream bed is filled moves with the LA's 2018-19
# utilisation relative to the region's 65.9% (damped and clipped: la_params),
# so LAs differ the way the real ones did.  re_share: respite/emergency share
# of beds.  ofsted: how the LA counted beds in its Ofsted return (PROFILES).
# Slough is special (LA_OVERRIDES).
# ---------------------------------------------------------------------------

LAS = [
    # code, name, slug, approved, filled_pct, re_share, ofsted profile, household id style, bed id style
    (867, "Bracknell Forest", "bracknell-forest", 135, 63.0, 0.10, "standard", "bf", "num"),
    (846, "Brighton and Hove", "brighton-and-hove", 330, 60.6, 0.09, "standard", "bh", "num"),
    (825, "Buckinghamshire", "buckinghamshire", 235, 63.8, 0.12, "respite_vacant", "bucks", "B"),
    (845, "East Sussex", "east-sussex", 565, 63.7, 0.14, "standard", "esx", "num"),
    (850, "Hampshire", "hampshire", 985, 76.1, 0.11, "standard", "hants", "num"),
    (921, "Isle of Wight", "isle-of-wight", 170, 73.5, 0.08, "standard", "iow", "B"),
    (886, "Kent", "kent", 1380, 68.5, 0.12, "respite_vacant", "kent", "num"),
    (887, "Medway", "medway", 375, 62.7, 0.11, "standard", "medway", "B"),
    (826, "Milton Keynes", "milton-keynes", 295, 69.5, 0.10, "standard", "mk", "num"),
    (931, "Oxfordshire", "oxfordshire", 585, 57.3, 0.12, "respite_vacant", "oxon", "num"),
    (851, "Portsmouth", "portsmouth", 435, 63.2, 0.14, "standard", "pompey", "num"),
    (870, "Reading", "reading", 165, 48.5, 0.15, "standard", "reading", "B"),
    (871, "Slough", "slough", 125, 56.0, 0.30, "slough", "slough", "num"),
    (852, "Southampton", "southampton", 355, 64.8, 0.10, "respite_excluded", "soton", "num"),
    (936, "Surrey", "surrey", 645, 63.6, 0.13, "standard", "surrey", "B"),
    (869, "West Berkshire", "west-berkshire", 145, 62.1, 0.12, "standard", "wberks", "num"),
    (938, "West Sussex", "west-sussex", 465, 66.7, 0.14, "respite_vacant", "wsx", "num"),
    (868, "Windsor and Maidenhead", "windsor-and-maidenhead", 80, 75.0, 0.10, "standard", "rbwm", "B"),
    (872, "Wokingham", "wokingham", 100, 70.0, 0.09, "standard", "wok", "num"),
]

REGION_PCT_2018_19 = 65.9

# ---------------------------------------------------------------------------
# The model's parameters, tuned until the pooled figures meet TARGETS.
# ---------------------------------------------------------------------------

BEDS_PER_HOUSEHOLD = ((1, 39.5), (2, 46.5), (3, 13.2), (4, 0.8))
RESPITE_BEDS_PER_HOUSEHOLD = ((1, 55.0), (2, 45.0))

# Of the respite/emergency share: whole short-break households, single
# emergency-bed households, and a respite or emergency bed beside mainstream
# beds in a bigger household.
RE_SPLIT = {"respite_household": 0.45, "emergency_household": 0.20, "extra_bed": 0.35}

# A whole household out of use on the snapshot date, and why.
HOUSEHOLD_EVENT_P = 0.085
HOUSEHOLD_EVENT_REASONS = (("carer_break", 52), ("carer_health", 16), ("investigation", 11),
                           ("deregistering", 14), ("other", 7))

MS_FILLED_P = 0.738          # chance a mainstream bed (household not out of use) is filled
MS_UNAVAIL_WITH_CHILD = 0.70  # a non-filled mainstream bed beside a filled one: unavailable
MS_UNAVAIL_NO_CHILD = 0.36    # a non-filled mainstream bed in a household with no child
REASONS_WITH_CHILD = (("sibling_only", 50), ("child_needs", 40), ("adaptation", 5), ("other", 5))
REASONS_NO_CHILD = (("sibling_only", 40), ("adaptation", 20), ("carer_health", 15), ("other", 25))

RE_STATUS = {
    "respite": (("filled", 32), ("vacant", 21), ("unavailable", 47)),
    "emergency": (("filled", 37), ("vacant", 40), ("unavailable", 23)),
}
RE_REASONS = {
    "respite": (("carer_break", 50), ("other", 22), ("child_needs", 12), ("carer_health", 10),
                ("adaptation", 6)),
    "emergency": (("carer_break", 45), ("other", 30), ("child_needs", 25)),
}

VACANCY_REASON_P = 0.70
VACANCY_REASONS = (("complexity", 30), ("education", 20), ("impact_on_household", 20),
                   ("logistics", 18), ("no_match", 8), ("other", 4))

# Quarter to quarter: carers deregistering leave, a few others resign, a few
# new households are approved; some households' beds change status.
LEAVE_P = 0.015
JOIN_P = 0.025
REDRAW_P = 0.22      # a household in use has its beds' statuses drawn again
EVENT_END_P = 0.60   # a household out of use last quarter is back in use
# ... and one in use goes out of use at the rate that keeps the share of
# households out of use steady (deregistering ones leave at the quarter end).
_DEREG = dict(HOUSEHOLD_EVENT_REASONS)["deregistering"] / sum(
    w for _, w in HOUSEHOLD_EVENT_REASONS)
EVENT_START_P = (HOUSEHOLD_EVENT_P - HOUSEHOLD_EVENT_P * (1 - _DEREG) * (1 - EVENT_END_P)) / (
    1 - HOUSEHOLD_EVENT_P)

# How each LA counted beds in its Ofsted return: for each (kind of bed), the
# chances of each ofsted_status.  "ms" = mainstream, "re" = respite/emergency.
PROFILES = {
    "standard": {
        "ms_filled": (("filled", 95), ("vacant", 2.5), ("unavailable", 2.5)),
        "ms_vacant": (("vacant", 97), ("unavailable", 3)),
        "ms_sibling": (("vacant", 25), ("unavailable", 75)),
        "ms_unavailable": (("unavailable", 97), ("vacant", 3)),
        "ms_deregistering": (("unavailable", 85), ("not_counted", 15)),
        "re_filled": (("filled", 15), ("vacant", 70), ("not_counted", 15)),
        "re_vacant": (("vacant", 100),),
        "re_unavailable": (("unavailable", 80), ("vacant", 20)),
    },
    # respite and emergency beds mostly counted as vacant, whatever their status
    "respite_vacant": {
        "ms_filled": (("filled", 95.5), ("vacant", 2.5), ("unavailable", 2.0)),
        "ms_vacant": (("vacant", 97), ("unavailable", 3)),
        "ms_sibling": (("vacant", 35), ("unavailable", 65)),
        "ms_unavailable": (("unavailable", 97), ("vacant", 3)),
        "ms_deregistering": (("unavailable", 80), ("not_counted", 20)),
        "re_filled": (("filled", 5), ("vacant", 90), ("not_counted", 5)),
        "re_vacant": (("vacant", 100),),
        "re_unavailable": (("vacant", 50), ("unavailable", 50)),
    },
    # respite and emergency beds mostly left out of the return
    "respite_excluded": {
        "ms_filled": (("filled", 97), ("vacant", 2), ("unavailable", 1)),
        "ms_vacant": (("vacant", 97), ("unavailable", 3)),
        "ms_sibling": (("vacant", 25), ("unavailable", 75)),
        "ms_unavailable": (("unavailable", 97), ("vacant", 3)),
        "ms_deregistering": (("unavailable", 50), ("not_counted", 50)),
        "re_filled": (("not_counted", 80), ("filled", 10), ("vacant", 10)),
        "re_vacant": (("not_counted", 80), ("vacant", 20)),
        "re_unavailable": (("not_counted", 80), ("unavailable", 20)),
    },
    # Slough: sibling beds and respite beds counted as vacant
    "slough": {
        "ms_filled": (("filled", 94), ("vacant", 6)),
        "ms_vacant": (("vacant", 100),),
        "ms_sibling": (("vacant", 100),),
        "ms_unavailable": (("unavailable", 80), ("vacant", 20)),
        "ms_deregistering": (("unavailable", 100),),
        "re_filled": (("vacant", 100),),
        "re_vacant": (("vacant", 100),),
        "re_unavailable": (("vacant", 100),),
    },
}

# LAs whose own records differ from the common model.  Slough (the deep
# dive's outlier): its Ofsted return showed 45% filled because it counted
# sibling beds and respite beds that others did not, while "in practice the
# utilisation is much higher and every available bed is actually being
# used": a large short-break service, mainstream beds well used, and
# almost no vacant bed (a free place is kept for a sibling).
LA_OVERRIDES = {
    871: {"shift": 0.025, "unavail_with_child": 0.92, "unavail_no_child": 0.75,
          "reasons_with_child": (("sibling_only", 75), ("child_needs", 25)),
          "reasons_no_child": (("sibling_only", 70), ("adaptation", 10), ("other", 20))},
}


# The Ofsted return (ofsted-return-2026-09-30.csv).  Each LA's submitted
# filled, vacant and unavailable are its 2026-09-30 beds by ofsted_status
# (not_counted beds left out), approved their sum; then the counting
# differences that no bed record shows:
#
# RETURN_EXTRAS: places in the return that no bed record accounts for, added
# to the status and to approved alike (the row still balances).
RETURN_EXTRAS = {
    # code: (extra vacant, extra unavailable, why)
    886: (8, 3, "8 vacant places in households approved at the September panels but not "
                "yet on the case system; 3 places of carers deregistered in September "
                "still counted, as unavailable"),
    850: (6, 0, "6 vacant places in newly approved households not yet on the case system"),
    936: (0, 4, "4 places of two deregistered households still counted, as unavailable"),
    845: (3, 2, "3 vacant places in a household approved but not yet on the case system; "
                "2 places of a deregistered carer still counted, as unavailable"),
    826: (3, 0, "3 vacant places of a household transferring in from another fostering "
                "service, counted before it was set up on the case system"),
    887: (2, 0, "2 vacant places in a household approved in late September, not yet on "
                "the case system"),
}
# RETURN_UNBALANCED: rows whose approved is not filled + vacant + unavailable,
# so that reconcile's balance check has something to show.
#   ("round5", why):     approved rounded to the nearest 5 (the statuses exact)
#   ("exemption", n, why): n children placed above a household's approval
#                        under an exemption counted filled, approved left at
#                        the approval
RETURN_UNBALANCED = {
    931: ("round5", "approved entered rounded to the nearest 5, the way Ofsted publishes "
                    "it; filled, vacant and unavailable exact"),
    869: ("exemption", 2, "2 children placed under an exemption above their household's "
                          "approval counted filled; approved left at the approval"),
}
RETURN_DATE = DATES[1]
# The pooled return as submitted (filled / approved, vacant / approved over
# the 19 LAs): the deep dive's 57% and 20%.
RETURN_TARGETS = {
    "submitted_filled": (57.0, 1.5),
    "submitted_vacant": (20.0, 1.5),
}


def la_params(la):
    """The status model's parameters for one LA."""
    shift = 0.8 * (la["filled_pct"] - REGION_PCT_2018_19)
    shift = max(-9.0, min(9.0, shift)) / 100.0
    par = {"shift": shift, "unavail_with_child": MS_UNAVAIL_WITH_CHILD,
           "unavail_no_child": MS_UNAVAIL_NO_CHILD, "reasons_with_child": REASONS_WITH_CHILD,
           "reasons_no_child": REASONS_NO_CHILD}
    par.update(LA_OVERRIDES.get(la["code"], {}))
    par["pf"] = MS_FILLED_P + par["shift"]
    return par


def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    x = rng.random() * total
    for value, w in weighted:
        x -= w
        if x < 0:
            return value
    return weighted[-1][0]


class Draws:
    """Random choices for one LA, each kind of choice (key) steered gently
    towards its expected counts: a value drawn more often than its weight
    says so far becomes a little less likely next time.  The choices stay
    random bed by bed, but an LA's totals land within a few beds of what its
    parameters say, so small LAs look like their parameters, not like noise."""

    STEER = 0.05

    def __init__(self, rng):
        self.rng = rng
        self.seen = {}   # key -> {value: [expected, actual]}

    def pick(self, key, weighted):
        total = float(sum(w for _, w in weighted))
        seen = self.seen.setdefault(key, {})
        probs = [(v, w / total) for v, w in weighted]
        adj = []
        for v, p in probs:
            e, a = seen.get(v, (0.0, 0))
            adj.append((v, max(0.0, p + self.STEER * (e - a))))
        if sum(w for _, w in adj) <= 0:
            adj = probs
        chosen = pick(self.rng, adj)
        for v, p in probs:
            e, a = seen.get(v, (0.0, 0))
            seen[v] = (e + p, a + (v == chosen))
        return chosen

    def flip(self, key, p):
        return self.pick(key, ((True, p), (False, 1.0 - p)))


# ---------------------------------------------------------------------------
# Household references: every LA's case system writes them its own way.
# A household's key is (year, number); year is 0 where the style has none.
# ---------------------------------------------------------------------------

ID_STYLES = {
    # style: (format, number range, uses approval year)
    "bf": (lambda y, n: "BF-%04d" % n, (1, 900), False),
    "bh": (lambda y, n: "BH%06d" % n, (4000, 19000), False),
    "bucks": (lambda y, n: "HH-%04d" % n, (100, 3000), False),
    "esx": (lambda y, n: "ESCC/FH/%05d" % n, (1000, 30000), False),
    "hants": (lambda y, n: "H%07d" % n, (100000, 2400000), False),
    "iow": (lambda y, n: "IW-%03d" % n, (1, 600), False),
    "kent": (lambda y, n: "K%05d" % n, (100, 60000), False),
    "medway": (lambda y, n: "MED-%04d-%04d" % (y, n), (1, 99), True),
    "mk": (lambda y, n: "FC%04d" % n, (100, 4000), False),
    "oxon": (lambda y, n: "OXF-%05d" % n, (1000, 40000), False),
    "pompey": (lambda y, n: "PO-%02d-%03d" % (y % 100, n), (1, 99), True),
    "reading": (lambda y, n: "RBC-FH-%04d" % n, (1, 1500), False),
    "slough": (lambda y, n: "SL%05d" % n, (10000, 16000), False),
    "soton": (lambda y, n: "SCC%06d" % n, (200000, 900000), False),
    "surrey": (lambda y, n: "SUR-%05d" % n, (1000, 60000), False),
    "wberks": (lambda y, n: "WB%04d" % n, (1, 2500), False),
    "wsx": (lambda y, n: "%07d" % n, (1000000, 4999999), False),
    "rbwm": (lambda y, n: "AfC-%04d" % n, (1, 1200), False),
    "wok": (lambda y, n: "WOK/%02d/%03d" % (y % 100, n), (1, 40), True),
}

BED_ID_STYLES = {"num": lambda i: str(i), "B": lambda i: "B%d" % i}


class HouseholdIds:
    """Unique household keys for one LA, old ones first, new ones later."""

    def __init__(self, rng, style):
        self.rng = rng
        self.fmt, self.range, self.by_year = ID_STYLES[style]
        self.used = set()

    def initial(self, n):
        keys = []
        if self.by_year:
            years = list(range(2006, 2027))
            weights = [1.0 + 0.25 * (y - 2006) for y in years]
            while len(keys) < n:
                y = pick(self.rng, list(zip(years, weights)))
                k = (y, self.rng.randint(*self.range))
                if k not in self.used:
                    self.used.add(k)
                    keys.append(k)
        else:
            lo, hi = self.range
            hi_initial = lo + (hi - lo) * 9 // 10
            for num in self.rng.sample(range(lo, hi_initial), n):
                k = (0, num)
                self.used.add(k)
                keys.append(k)
        keys.sort()
        return keys

    def new(self):
        """A household approved since the last snapshot."""
        if self.by_year:
            y = 2026
            top = max([n for yy, n in self.used if yy == y] + [0])
            k = (y, top + 1)
        else:
            top = max(n for _, n in self.used)
            k = (0, top + self.rng.randint(1, 12))
        self.used.add(k)
        return k

    def text(self, key):
        return self.fmt(key[0], key[1])


class ChildRefs:
    """Synthetic child references, unique over the whole region."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def new(self):
        while True:
            ref = "C%06d" % self.rng.randint(100000, 999999)
            if ref not in self.used:
                self.used.add(ref)
                return ref


# ---------------------------------------------------------------------------
# Beds and households
# ---------------------------------------------------------------------------

class Bed:
    __slots__ = ("num", "use", "status", "ureason", "vreason", "child", "ofsted")

    def __init__(self, num, use):
        self.num = num
        self.use = use
        self.status = self.ureason = self.vreason = self.child = self.ofsted = ""


class Household:
    def __init__(self, key, beds):
        self.key = key
        self.beds = beds
        self.event = ""   # reason the whole household is out of use, or ""


def household_shape(dr, re_share):
    """Bed uses for one new household."""
    # Chances of the three respite/emergency shapes, so that about re_share
    # of beds are respite or emergency.  Households average about 1.75 beds,
    # 1.45 for a short-break household, and 61% have room for an extra bed;
    # mean_beds is tuned a little above 1.75 so the share comes out right.
    mean_beds = 1.86
    p_resp = re_share * RE_SPLIT["respite_household"] * mean_beds / 1.45
    p_emer = re_share * RE_SPLIT["emergency_household"] * mean_beds
    p_extra = re_share * RE_SPLIT["extra_bed"] * mean_beds / 0.61
    kind = dr.pick("shape", (("respite", p_resp), ("emergency", p_emer),
                             ("mainstream", 1.0 - p_resp - p_emer)))
    if kind == "respite":
        return ["respite"] * dr.pick("respite beds", RESPITE_BEDS_PER_HOUSEHOLD)
    if kind == "emergency":
        return ["emergency"]
    n = dr.pick("beds", BEDS_PER_HOUSEHOLD)
    uses = ["mainstream"] * n
    if n >= 2 and dr.flip("extra bed", p_extra):
        uses[-1] = "emergency" if dr.flip("extra bed use", 0.4) else "respite"
    return uses


def draw_statuses(dr, hh, par, children, keep_children=None, event=None):
    """Give every bed of hh a status and reasons.  keep_children maps bed
    numbers to the child in that bed last quarter, kept if still filled.
    event: None to draw whether the whole household is out of use, False
    for not, True for out of use."""
    keep_children = keep_children or {}
    hh.event = ""
    for b in hh.beds:
        b.status = b.ureason = b.vreason = b.child = ""
    if event is None:
        event = dr.flip("event", HOUSEHOLD_EVENT_P)
    if event:
        hh.event = dr.pick("event reason", HOUSEHOLD_EVENT_REASONS)
        for b in hh.beds:
            b.status, b.ureason = "unavailable", hh.event
        return
    ms = [b for b in hh.beds if b.use == "mainstream"]
    for b in ms:
        if dr.flip("ms filled", par["pf"]):
            b.status = "filled"
    for b in hh.beds:
        if b.use != "mainstream":
            b.status = dr.pick(b.use + " status", RE_STATUS[b.use])
            if b.status == "unavailable":
                b.ureason = dr.pick(b.use + " reason", RE_REASONS[b.use])
    # The usual fostering limit: never more than three filled beds here.
    filled = [b for b in hh.beds if b.status == "filled"]
    for b in filled[3:]:
        b.status, b.ureason = "unavailable", "child_needs"
    has_child = any(b.status == "filled" for b in hh.beds)
    for b in ms:
        if b.status:
            continue
        if has_child:
            if dr.flip("unavailable with child", par["unavail_with_child"]):
                b.status = "unavailable"
                b.ureason = dr.pick("reason with child", par["reasons_with_child"])
        elif dr.flip("unavailable no child", par["unavail_no_child"]):
            b.status = "unavailable"
            b.ureason = dr.pick("reason no child", par["reasons_no_child"])
        if not b.status:
            b.status = "vacant"
    for b in hh.beds:
        if b.status == "vacant" and dr.flip("vacancy reason given", VACANCY_REASON_P):
            b.vreason = dr.pick("vacancy reason", VACANCY_REASONS)
        if b.status == "filled":
            b.child = keep_children.get(b.num) or children.new()


def ofsted_status(dr, profile, b):
    p = PROFILES[profile]
    if b.use == "mainstream":
        if b.status == "filled":
            kind = "ms_filled"
        elif b.status == "vacant":
            kind = "ms_vacant"
        elif b.ureason == "sibling_only":
            kind = "ms_sibling"
        elif b.ureason == "deregistering":
            kind = "ms_deregistering"
        else:
            kind = "ms_unavailable"
    else:
        kind = "re_" + b.status
    return dr.pick("ofsted " + kind, p[kind])


def new_household(dr, ids, la, par, children):
    """A household approved since the last snapshot."""
    uses = household_shape(dr, la["re_share"])
    hh = Household(ids.new(), [Bed(i + 1, u) for i, u in enumerate(uses)])
    draw_statuses(dr, hh, par, children, event=False)
    return hh


def generate_la(la, children):
    """Two snapshots of one LA's households."""
    rng = random.Random(SEED * 1000 + la["code"])
    dr = Draws(rng)
    par = la_params(la)
    ids = HouseholdIds(rng, la["id_style"])

    # Snapshot 1: households until the LA has its approved number of beds.
    target = la["approved"]
    shapes = []
    nbeds = 0
    while nbeds < target:
        uses = household_shape(dr, la["re_share"])
        uses = uses[:target - nbeds]
        shapes.append(uses)
        nbeds += len(uses)
    rng.shuffle(shapes)
    keys = ids.initial(len(shapes))
    q1 = []
    for key, uses in zip(keys, shapes):
        hh = Household(key, [Bed(i + 1, u) for i, u in enumerate(uses)])
        draw_statuses(dr, hh, par, children)
        q1.append(hh)
    for hh in q1:
        for b in hh.beds:
            b.ofsted = ofsted_status(dr, la["ofsted"], b)

    # Snapshot 2: leavers, joiners, changed statuses.  A bed whose status
    # and reason have not changed keeps last quarter's ofsted_status.
    q2 = []
    for old in q1:
        if old.event == "deregistering" or dr.flip("leaves", LEAVE_P):
            continue
        hh = Household(old.key, [Bed(b.num, b.use) for b in old.beds])
        if old.event:
            redraw, event = dr.flip("event ends", EVENT_END_P), False
        else:
            change = dr.pick("change", (("event", EVENT_START_P), ("redraw", REDRAW_P),
                                        ("same", 1.0 - EVENT_START_P - REDRAW_P)))
            redraw, event = change != "same", change == "event"
        if redraw:
            draw_statuses(dr, hh, par, children,
                          {b.num: b.child for b in old.beds if b.child}, event)
        else:
            hh.event = old.event
            for nb, ob in zip(hh.beds, old.beds):
                nb.status, nb.ureason, nb.vreason, nb.child = (
                    ob.status, ob.ureason, ob.vreason, ob.child)
        for nb, ob in zip(hh.beds, old.beds):
            if (nb.status, nb.ureason) == (ob.status, ob.ureason):
                nb.ofsted = ob.ofsted
        q2.append(hh)
    njoin = sum(1 for _ in q1 if dr.flip("joins", JOIN_P))
    for _ in range(njoin):
        q2.append(new_household(dr, ids, la, par, children))
    for hh in q2:
        for b in hh.beds:
            if not b.ofsted:
                b.ofsted = ofsted_status(dr, la["ofsted"], b)

    return ids, [sorted(q1, key=lambda h: h.key), sorted(q2, key=lambda h: h.key)]


def la_rows(la, ids, snaps):
    bed_id = BED_ID_STYLES[la["bed_style"]]
    # One LA's system does not export the child's reference at all.
    with_child = la["code"] != 921
    rows = []
    for date, hhs in zip(DATES, snaps):
        for hh in hhs:
            for b in hh.beds:
                rows.append(("%03d" % la["code"], date, ids.text(hh.key), bed_id(b.num),
                             b.use, b.status, b.ureason, b.vreason,
                             b.child if with_child else "", b.ofsted))
    return rows


def write_csv(path, rows, header=FIELDS):
    lines = [",".join(header)]
    for r in rows:
        for v in r:
            assert not any(c in v for c in ',"\r\n'), v
        lines.append(",".join(r))
    with open(path, "wb") as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))


# ---------------------------------------------------------------------------
# Recounting the written files
# ---------------------------------------------------------------------------

def pct(num, den):
    """Tenths of a percent rounded half away from zero, as fosterbeds does."""
    if den == 0:
        return ""
    t = (2 * 1000 * num + den) // (2 * den)
    return "%d.%d" % (t // 10, t % 10)


def pctf(num, den):
    return 100.0 * num / den if den else 0.0


# The codes the written files may hold ("" = blank), from standard.h.
CODES = {
    "la_code": {"%03d" % la[0] for la in LAS},
    "bed_use": {"mainstream", "respite", "emergency"},
    "status": {"filled", "vacant", "unavailable"},
    "unavailable_reason": {"", "carer_break", "child_needs", "sibling_only", "investigation",
                           "carer_health", "adaptation", "deregistering", "other"},
    "vacancy_reason": {"", "complexity", "education", "impact_on_household", "logistics",
                       "no_match", "other"},
    "ofsted_status": {"filled", "vacant", "unavailable", "not_counted"},
}

COUNT_KEYS = ("approved", "filled", "vacant", "unavailable", "respite_emergency",
              "ms_approved", "ms_filled", "ms_vacant", "ms_unavailable",
              "os_counted", "os_filled", "os_vacant", "os_unavailable", "os_not_counted")


def recount(paths):
    """Counts per (la_code, date) from the written files, checking each row."""
    counts = {}
    problems = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            raw = f.read()
        if raw.startswith("\ufeff") or "\r" in raw or not raw.endswith("\n"):
            problems.append("%s: not plain UTF-8 with LF line ends" % path)
        rd = csv.reader(io.StringIO(raw))
        header = next(rd)
        if tuple(header) != FIELDS:
            problems.append("%s: header %r" % (path, header))
        seen = set()
        filled_per_hh = {}
        for lineno, r in enumerate(rd, start=2):
            if len(r) != len(FIELDS):
                problems.append("%s:%d: %d fields" % (path, lineno, len(r)))
                continue
            row = dict(zip(FIELDS, r))
            key = (row["la_code"], row["snapshot_date"], row["household_id"], row["bed_id"])
            if key in seen:
                problems.append("%s:%d: duplicate bed" % (path, lineno))
            seen.add(key)
            st, use = row["status"], row["bed_use"]
            for f, allowed in CODES.items():
                if row[f] not in allowed:
                    problems.append("%s:%d: %s %r" % (path, lineno, f, row[f]))
            if row["snapshot_date"] not in DATES or not row["household_id"] or not row["bed_id"]:
                problems.append("%s:%d: date or identifiers" % (path, lineno))
            if row["child_ref"] and not (len(row["child_ref"]) == 7 and
                                         row["child_ref"][0] == "C" and
                                         row["child_ref"][1:].isdigit()):
                problems.append("%s:%d: child_ref form" % (path, lineno))
            if st not in ("filled", "vacant", "unavailable") or use not in (
                    "mainstream", "respite", "emergency"):
                continue
            if st == "unavailable" and not row["unavailable_reason"]:
                problems.append("%s:%d: no unavailable_reason" % (path, lineno))
            if st != "unavailable" and row["unavailable_reason"]:
                problems.append("%s:%d: unavailable_reason on %s" % (path, lineno, st))
            if st != "vacant" and row["vacancy_reason"]:
                problems.append("%s:%d: vacancy_reason on %s" % (path, lineno, st))
            if st != "filled" and row["child_ref"]:
                problems.append("%s:%d: child_ref on %s" % (path, lineno, st))
            if st == "filled":
                hk = key[:3]
                filled_per_hh[hk] = filled_per_hh.get(hk, 0) + 1
                if filled_per_hh[hk] > 3:
                    problems.append("%s:%d: over three filled" % (path, lineno))
            c = counts.setdefault((row["la_code"], row["snapshot_date"]),
                                  dict.fromkeys(COUNT_KEYS, 0))
            c["approved"] += 1
            c[st] += 1
            if use == "mainstream":
                c["ms_approved"] += 1
                c["ms_" + st] += 1
            else:
                c["respite_emergency"] += 1
            os_ = row["ofsted_status"]
            c["os_" + os_] += 1
            if os_ != "not_counted":
                c["os_counted"] += 1
    return counts, problems


def pooled(counts, date):
    total = dict.fromkeys(COUNT_KEYS, 0)
    for (code, d), c in counts.items():
        if d == date:
            for k in COUNT_KEYS:
                total[k] += c[k]
    return total


def measures(c):
    return {
        "utilisation_incl": pctf(c["filled"], c["approved"]),
        "utilisation_excl": pctf(c["ms_filled"], c["ms_approved"]),
        "vacant": pctf(c["vacant"], c["approved"]),
        "unavailable": pctf(c["unavailable"], c["approved"]),
        "respite_emergency_share": pctf(c["respite_emergency"], c["approved"]),
        "ofsted_filled": pctf(c["os_filled"], c["os_counted"]),
        "ofsted_vacant": pctf(c["os_vacant"], c["os_counted"]),
    }


TABLE_HEAD = ("la_code", "la_name", "approved", "filled", "vacant", "unavailable",
              "respite_emergency", "ms_approved", "ms_filled", "ms_vacant",
              "ms_unavailable", "util_incl_pct", "util_excl_pct", "vacant_pct",
              "unavailable_pct", "ofsted_counted", "ofsted_filled", "ofsted_vacant",
              "ofsted_unavailable", "ofsted_not_counted", "ofsted_filled_pct",
              "ofsted_vacant_pct")


def table_row(code, name, c):
    return [code, name] + [str(c[k]) for k in COUNT_KEYS[:9]] + [
        pct(c["filled"], c["approved"]), pct(c["ms_filled"], c["ms_approved"]),
        pct(c["vacant"], c["approved"]), pct(c["unavailable"], c["approved"]),
        str(c["os_counted"]), str(c["os_filled"]), str(c["os_vacant"]),
        str(c["os_unavailable"]), str(c["os_not_counted"]),
        pct(c["os_filled"], c["os_counted"]), pct(c["os_vacant"], c["os_counted"])]


def write_expected(path, counts, las):
    names = {"%03d" % la["code"]: la["name"] for la in las}
    out = []
    out.append("# Expected figures for sample-data/records\n")
    out.append("Written by `tools/gen-sample-data.py` (seed %d) after it has written the\n"
               "record files: it reads them back with Python's csv module and counts\n"
               "every bed, independently of the generator's own bookkeeping.  Do not\n"
               "edit by hand; rerun `python3 tools/gen-sample-data.py`.\n" % SEED)
    out.append("Rates are tenths of a percent rounded half away from zero, as\n"
               "`fosterbeds report` rounds them.  The `ALL` rows pool the 19 LAs' counts\n"
               "(sums, then rates), never averages of LA rates.\n")
    out.append("Columns: `approved` .. `unavailable` count every bed by status;\n"
               "`respite_emergency` counts respite and emergency beds whatever their\n"
               "status; `ms_*` count mainstream beds only; `util_incl_pct` = filled /\n"
               "approved; `util_excl_pct` = ms_filled / ms_approved; `vacant_pct` and\n"
               "`unavailable_pct` are over approved.  `ofsted_*` count the\n"
               "`ofsted_status` column (how the LA counted the bed in its Ofsted\n"
               "return); `ofsted_counted` leaves out `not_counted` beds, and the two\n"
               "`ofsted_*_pct` rates are over `ofsted_counted` (the return \"as\n"
               "submitted\").  `fosterbeds report` prints the first fifteen columns.\n")
    for date in DATES:
        out.append("## Snapshot %s\n" % date)
        out.append("| " + " | ".join(TABLE_HEAD) + " |")
        out.append("|" + "|".join("---" if i < 2 else "---:" for i in range(len(TABLE_HEAD))) + "|")
        for code in sorted(names):
            c = counts.get((code, date))
            if c:
                out.append("| " + " | ".join(table_row(code, names[code], c)) + " |")
        out.append("| " + " | ".join(table_row("ALL", "South East", pooled(counts, date))) + " |")
        out.append("")
    with open(path, "wb") as f:
        f.write(("\n".join(out).rstrip("\n") + "\n").encode("utf-8"))


REPORT_HEAD = ("la_code", "la_name", "snapshot_date", "approved", "filled", "vacant",
               "unavailable", "respite_emergency", "mainstream_approved",
               "mainstream_filled", "mainstream_vacant", "mainstream_unavailable",
               "utilisation_incl_pct", "utilisation_excl_pct", "vacant_pct",
               "unavailable_pct")


def write_expected_csv(path, counts, las):
    """The same recount in report --format csv's columns and row order, so
    tests/sample-data.sh can compare the tool with this independent count."""
    names = {"%03d" % la["code"]: la["name"] for la in las}
    rows = [",".join(REPORT_HEAD)]
    keys = sorted(counts)
    for code, date in keys:
        rows.append(",".join([code, names[code], date] + table_row(code, "", counts[(code, date)])[2:15]))
    for date in DATES:
        rows.append(",".join(["ALL", "South East", date] +
                             table_row("ALL", "", pooled(counts, date))[2:15]))
    with open(path, "wb") as f:
        f.write(("\n".join(rows) + "\n").encode("utf-8"))


# ---------------------------------------------------------------------------
# The Ofsted return, and the figures reconcile should give
# ---------------------------------------------------------------------------

RETURN_HEAD = ("la_code", "snapshot_date", "approved", "filled", "vacant", "unavailable")
RETURN_FILE = "ofsted-return-%s.csv" % RETURN_DATE

OS_ORDER = ("filled", "vacant", "unavailable", "not_counted")
CATEGORIES = ("filled", "vacant", "unavailable", "respite_emergency")


def return_rows(os_counts):
    """The return's rows, from the generator's own beds: os_counts maps each
    LA code to its RETURN_DATE beds counted by ofsted_status."""
    rows = []
    for code in sorted(os_counts):
        c = os_counts[code]
        f, v, u = c.get("filled", 0), c.get("vacant", 0), c.get("unavailable", 0)
        ev, eu, _ = RETURN_EXTRAS.get(code, (0, 0, ""))
        v, u = v + ev, u + eu
        approved = f + v + u
        adj = RETURN_UNBALANCED.get(code)
        if adj and adj[0] == "round5":
            approved = (approved + 2) // 5 * 5
        elif adj and adj[0] == "exemption":
            f += adj[1]
        assert min(approved, f, v, u) >= 0
        rows.append(("%03d" % code, RETURN_DATE, str(approved), str(f), str(v), str(u)))
    return rows


def read_return(path, problems):
    """The return read back with the csv module: la_code -> counts."""
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    if raw.startswith("\ufeff") or "\r" in raw or not raw.endswith("\n"):
        problems.append("%s: not plain UTF-8 with LF line ends" % path)
    rd = csv.reader(io.StringIO(raw))
    header = next(rd)
    if tuple(header) != RETURN_HEAD:
        problems.append("%s: header %r" % (path, header))
    got = {}
    last = ""
    for lineno, r in enumerate(rd, start=2):
        if len(r) != len(RETURN_HEAD):
            problems.append("%s:%d: %d fields" % (path, lineno, len(r)))
            continue
        row = dict(zip(RETURN_HEAD, r))
        code = row["la_code"]
        if code not in CODES["la_code"] or code in got or code <= last:
            problems.append("%s:%d: la_code %r (unknown, repeated or out of order)"
                            % (path, lineno, code))
        last = code
        if row["snapshot_date"] != RETURN_DATE:
            problems.append("%s:%d: snapshot_date %r" % (path, lineno, row["snapshot_date"]))
        c = {}
        for k in RETURN_HEAD[2:]:
            if not row[k].isdigit():
                problems.append("%s:%d: %s %r is not a count" % (path, lineno, k, row[k]))
            c[k] = int(row[k]) if row[k].isdigit() else 0
        got[code] = c
    return got


def recount_bridge(paths, date):
    """The beds of one snapshot per la_code by (ofsted_status, category),
    read back from the written files."""
    cells = {}
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            rd = csv.reader(f)
            next(rd)
            for r in rd:
                row = dict(zip(FIELDS, r))
                if row["snapshot_date"] != date:
                    continue
                cat = ("respite_emergency" if row["bed_use"] in ("respite", "emergency")
                       else row["status"])
                c = cells.setdefault(row["la_code"], {})
                k = (row["ofsted_status"], cat)
                c[k] = c.get(k, 0) + 1
    return cells


def tenths(x):
    """A Fraction (percent or percentage points) as text with one decimal,
    rounded half away from zero; no "-0.0"."""
    t = (abs(x) * 10 + Fraction(1, 2)).__floor__()
    return ("-" if x < 0 and t else "") + "%d.%d" % (t // 10, t % 10)


def rate(num, den):
    """num / den as a Fraction, or None if den is 0."""
    return Fraction(num, den) if den else None


def pct_text(r):
    return "" if r is None else tenths(100 * r)


def pp_text(std, sub):
    """Standardised minus submitted, in percentage points."""
    return "" if std is None or sub is None else tenths(100 * (std - sub))


RECONCILE_HEAD = ("la_code", "la_name", "snapshot_date", "submitted_approved",
                  "submitted_filled", "submitted_vacant", "submitted_unavailable",
                  "submitted_filled_pct", "submitted_vacant_pct", "submitted_unavailable_pct",
                  "approved", "filled", "vacant", "unavailable", "utilisation_incl_pct",
                  "utilisation_excl_pct", "vacant_pct", "unavailable_pct", "filled_pp_diff",
                  "vacant_pp_diff", "unavailable_pp_diff")


def reconcile_row(code, name, s, c):
    """s: the return's counts; c: recount()'s counts for the same LA."""
    sa = s["approved"]
    sub = {k: rate(s[k], sa) for k in ("filled", "vacant", "unavailable")}
    std = {k: rate(c[k], c["approved"]) for k in ("filled", "vacant", "unavailable")}
    return ([code, name, RETURN_DATE] + [str(s[k]) for k in RETURN_HEAD[2:]] +
            [pct_text(sub[k]) for k in ("filled", "vacant", "unavailable")] +
            [str(c[k]) for k in ("approved", "filled", "vacant", "unavailable")] +
            [pct_text(std["filled"]), pct_text(rate(c["ms_filled"], c["ms_approved"])),
             pct_text(std["vacant"]), pct_text(std["unavailable"])] +
            [pp_text(std[k], sub[k]) for k in ("filled", "vacant", "unavailable")])


def write_reconcile(path, ret, counts, las):
    names = {"%03d" % la["code"]: la["name"] for la in las}
    rows = [",".join(RECONCILE_HEAD)]
    total_s = dict.fromkeys(RETURN_HEAD[2:], 0)
    for code in sorted(ret):
        s = ret[code]
        for k in total_s:
            total_s[k] += s[k]
        rows.append(",".join(reconcile_row(code, names[code], s, counts[(code, RETURN_DATE)])))
    rows.append(",".join(reconcile_row("ALL", "South East", total_s,
                                       pooled(counts, RETURN_DATE))))
    with open(path, "wb") as f:
        f.write(("\n".join(rows) + "\n").encode("utf-8"))
    return total_s


def write_bridge(path, cells):
    total = {}
    rows = [",".join(("la_code", "ofsted_status", "category", "beds"))]
    for code in sorted(cells) + ["ALL"]:
        c = total if code == "ALL" else cells[code]
        for os_ in OS_ORDER:
            for cat in CATEGORIES:
                n = c.get((os_, cat), 0)
                if code != "ALL":
                    total[(os_, cat)] = total.get((os_, cat), 0) + n
                rows.append("%s,%s,%s,%d" % (code, os_, cat, n))
    with open(path, "wb") as f:
        f.write(("\n".join(rows) + "\n").encode("utf-8"))


def check_return(ret, counts, cells, problems):
    """The return read back against the records recounted: each LA's counts
    are its beds by ofsted_status plus exactly the adjustments above; the
    bridge agrees with recount(); RETURN_UNBALANCED rows do not balance and
    all others do."""
    for code, s in sorted(ret.items()):
        n = int(code)
        c = counts[(code, RETURN_DATE)]
        b = cells.get(code, {})
        if sum(b.values()) != c["approved"]:
            problems.append("bridge %s: %d beds, recount %d" % (code, sum(b.values()),
                                                                 c["approved"]))
        for st in ("filled", "vacant", "unavailable", "not_counted"):
            if sum(b.get((st, cat), 0) for cat in CATEGORIES) != c["os_" + st]:
                problems.append("bridge %s: ofsted_status %s disagrees with recount" % (code, st))
        for cat in CATEGORIES:
            k = "respite_emergency" if cat == "respite_emergency" else "ms_" + cat
            if sum(b.get((st, cat), 0) for st in OS_ORDER) != c[k]:
                problems.append("bridge %s: category %s disagrees with recount" % (code, cat))
        ev, eu, _ = RETURN_EXTRAS.get(n, (0, 0, ""))
        adj = RETURN_UNBALANCED.get(n, ("",))
        want_f = c["os_filled"] + (adj[1] if adj[0] == "exemption" else 0)
        if (s["filled"], s["vacant"], s["unavailable"]) != (
                want_f, c["os_vacant"] + ev, c["os_unavailable"] + eu):
            problems.append("return %s: statuses are not the records' plus the extras" % code)
        balanced = s["approved"] == s["filled"] + s["vacant"] + s["unavailable"]
        if balanced == (n in RETURN_UNBALANCED):
            problems.append("return %s: %s" % (code, "balances" if balanced else
                                                     "does not balance"))
    if set(ret) != {code for code, d in counts if d == RETURN_DATE}:
        problems.append("return: LAs differ from the records'")


# ---------------------------------------------------------------------------
# Broken files: each shows exactly one finding
# ---------------------------------------------------------------------------

D = "2026-03-31"


def good_rows(code, hh_prefix, n):
    """Seven clean beds in three households, a mix of statuses.  n (the
    rule's number) keeps child references apart between files."""
    c = str(code)
    return [
        [c, D, hh_prefix + "1", "1", "mainstream", "filled", "", "", "C%02d0001" % n, "filled"],
        [c, D, hh_prefix + "1", "2", "mainstream", "unavailable", "sibling_only", "", "", "vacant"],
        [c, D, hh_prefix + "2", "1", "mainstream", "vacant", "", "education", "", "vacant"],
        [c, D, hh_prefix + "2", "2", "mainstream", "filled", "", "", "C%02d0002" % n, "filled"],
        [c, D, hh_prefix + "3", "1", "respite", "vacant", "", "", "", "vacant"],
        [c, D, hh_prefix + "3", "2", "mainstream", "filled", "", "", "C%02d0003" % n, "filled"],
        [c, D, hh_prefix + "3", "3", "emergency", "unavailable", "carer_break", "", "", "unavailable"],
    ]


def csv_bytes(header, rows):
    """UTF-8, LF line ends, a final newline; values need no quoting."""
    return ("\n".join([",".join(header)] + [",".join(r) for r in rows]) + "\n").encode("utf-8")


def broken_cases():
    """(file name, bytes, code, severity, line, what it shows)."""
    H = list(FIELDS)
    cases = []

    def add(name, data, code, sev, line, note):
        cases.append((name, data, code, sev, line, note))

    # FB001: no status column.
    rows = good_rows(851, "PO-01-00", 1)
    si = H.index("status")
    add("FB001-missing-column.csv",
        csv_bytes(H[:si] + H[si + 1:], [r[:si] + r[si + 1:] for r in rows]),
        "FB001", "error", 1, "no `status` column; no row can be used")

    # FB002: two local columns the standard does not have.
    rows = good_rows(851, "PO-02-00", 2)
    extra = ["North", "North", "South", "South", "East", "East", "East"]
    approved = ["2014-05-12", "2014-05-12", "2019-11-03", "2019-11-03", "2022-02-17",
                "2022-02-17", "2022-02-17"]
    add("FB002-extra-columns.csv",
        csv_bytes(H + ["locality", "approval_date"],
                  [r + [e, a] for r, e, a in zip(rows, extra, approved)]),
        "FB002", "warning", 1, "local columns `locality` and `approval_date` are ignored")

    # FB003: status twice.
    rows = good_rows(851, "PO-03-00", 3)
    add("FB003-duplicate-column.csv",
        csv_bytes(H + ["status"], [r + [r[si]] for r in rows]),
        "FB003", "error", 1, "`status` appears twice; no row can be used")

    # FB004: status 'Vacnt'.
    rows = good_rows(851, "PO-04-00", 4)
    rows[2][si] = "Vacnt"
    add("FB004-unknown-code.csv", csv_bytes(H, rows), "FB004", "error", 4,
        "status `Vacnt` is not a code")

    # FB005: a blank bed_id.
    rows = good_rows(851, "PO-05-00", 5)
    rows[4][H.index("bed_id")] = ""
    add("FB005-blank-required.csv", csv_bytes(H, rows), "FB005", "error", 6,
        "bed_id is blank")

    # FB006: 30 February.
    rows = good_rows(851, "PO-06-00", 6)
    rows[3][1] = "2026-02-30"
    add("FB006-bad-date.csv", csv_bytes(H, rows), "FB006", "error", 5,
        "snapshot_date `2026-02-30` is not a real date")

    # FB007: every date day-first, as Excel re-saves them (said once per file).
    rows = good_rows(867, "BF-07-0", 7)
    for r in rows:
        r[1] = "31/03/2026"
    add("FB007-dmy-date.csv", csv_bytes(H, rows), "FB007", "warning", 2,
        "snapshot_date `31/03/2026` is day-first (said once, on the first such row)")

    # FB008: one date typed five years ahead.
    rows = good_rows(851, "PO-08-00", 8)
    rows[5][1] = "2031-03-31"
    add("FB008-future-date.csv", csv_bytes(H, rows), "FB008", "warning", 7,
        "snapshot_date `2031-03-31` is in the future")

    # FB009: an unavailable bed with no reason.
    rows = good_rows(851, "PO-09-00", 9)
    rows[1][H.index("unavailable_reason")] = ""
    add("FB009-no-unavailable-reason.csv", csv_bytes(H, rows), "FB009", "error", 3,
        "unavailable bed with blank unavailable_reason")

    # FB010: a vacancy reason on a filled bed.
    rows = good_rows(851, "PO-10-00", 10)
    rows[3][H.index("vacancy_reason")] = "logistics"
    add("FB010-reason-wrong-status.csv", csv_bytes(H, rows), "FB010", "warning", 5,
        "vacancy_reason `logistics` on a filled bed")

    # FB011: the same bed twice.
    rows = good_rows(851, "PO-11-00", 11)
    rows.insert(5, list(rows[4]))
    add("FB011-duplicate-bed.csv", csv_bytes(H, rows), "FB011", "error", 7,
        "household PO-11-003 bed 1 repeats the bed on line 6")

    # FB012: a row one field short (its ofsted_status is missing).
    rows = good_rows(851, "PO-12-00", 12)
    rows[2] = rows[2][:-1]
    add("FB012-field-count.csv", csv_bytes(H, rows), "FB012", "error", 4,
        "row has 9 fields but the header has 10")

    # FB013: a Windows-1252 right single quote (byte 0x92) in a household_id.
    rows = good_rows(851, "PO-13-00", 13)
    data = csv_bytes(H, rows).replace(b"PO-13-002,2,", b"PO-13-002 carer\x92s annexe,2,")
    add("FB013-invalid-utf8.csv", data, "FB013", "error", 5,
        "household_id holds byte 0x92 (Windows-1252 right quote), not UTF-8")

    # FB014: the same kind of file saved as UTF-16LE with a BOM.
    rows = good_rows(851, "PO-14-00", 14)
    text = "\r\n".join([",".join(H)] + [",".join(r) for r in rows]) + "\r\n"
    add("FB014-utf16.csv", b"\xff\xfe" + text.encode("utf-16-le"), "FB014", "error", 1,
        "the file is UTF-16 (Excel's \"Unicode Text\"); nothing is read")

    # FB015: a household with four filled beds.
    rows = good_rows(851, "PO-15-00", 15)
    big = [["851", D, "PO-15-009", str(i), "mainstream", "filled", "", "", "C15%04d" % (10 + i),
            "filled"] for i in range(1, 5)]
    rows = rows[:4] + big + rows[4:6]
    add("FB015-over-limit.csv", csv_bytes(H, rows), "FB015", "warning", 9,
        "household PO-15-009 has four filled beds (said on the fourth)")

    # FB016: a child reference on a vacant bed.
    rows = good_rows(851, "PO-16-00", 16)
    rows[2][H.index("child_ref")] = "C160099"
    add("FB016-child-ref-not-filled.csv", csv_bytes(H, rows), "FB016", "warning", 4,
        "child_ref on a vacant bed")

    # FB017: an LA name where the code should be.
    rows = good_rows(851, "PO-17-00", 17)
    rows[6][0] = "Kent"
    add("FB017-bad-la-code.csv", csv_bytes(H, rows), "FB017", "error", 8,
        "la_code `Kent` is not three digits")

    # FB018: a three-digit code that is no English LA's (said once per file).
    rows = good_rows(999, "ZZ-18-00", 18)
    add("FB018-unknown-la-code.csv", csv_bytes(H, rows), "FB018", "warning", 2,
        "la_code `999` is not an English LA (said once, on its first row)")

    # FB019: a quote that never closes.
    rows = good_rows(851, "PO-19-00", 19)
    rows[3][2] = '"' + rows[3][2]
    add("FB019-unclosed-quote.csv", csv_bytes(H, rows), "FB019", "error", 5,
        "household_id opens a quote that never closes; lines 5-8 are read as one value")

    # FB020: an empty file.
    add("FB020-no-header.csv", b"", "FB020", "error", 1, "the file is empty (0 bytes)")

    # FB021: a header and nothing else.
    add("FB021-no-rows.csv", csv_bytes(H, []), "FB021", "warning", 1,
        "header only, no data rows")

    # FB022: rows Excel leaves behind after their cells are cleared.
    rows = good_rows(867, "BF-22-0", 22)
    blank = [""] * len(H)
    rows = rows[:3] + [blank, blank] + rows[3:]
    add("FB022-empty-rows.csv", csv_bytes(H, rows), "FB022", "warning", 5,
        "two rows of only commas are skipped (said once, on the first)")

    return cases


def edge_case_file():
    """A valid file that is awkward to read: BOM, CRLF, shuffled and odd-case
    header names, odd-case codes, quoted values with a comma, doubled quotes
    and a line break, and no final newline."""
    header = [" Status ", "BED_USE", "bed_id", "Household_ID", "snapshot_date", "LA_Code",
              "Unavailable_Reason", "vacancy_reason", "Child_Ref", "OFSTED_STATUS"]
    rows = [
        ["FILLED", "Mainstream", "1", '"PO-EC-001, annexe"', D, "851", "", "", "C990001", "Filled"],
        ["Vacant", "Respite", "1", '"HH ""A"""', D, "851", "", "Education", "", "VACANT"],
        ["unavailable", "mainstream", "2", '"HH ""A"""', D, "851", "Sibling_Only", "", "", "vacant"],
        ["filled", "MAINSTREAM", "1", '"PO-EC-003\nflat 2"', D, "851", "", "", "C990002", "filled"],
        [" vacant ", "Emergency", "2", '"PO-EC-003\nflat 2"', D, "851", "", "", "", "Not_Counted"],
        ["Filled", "mainstream", "B1", "BF-EC-004", D, "867", "", "", "C990003", "filled"],
    ]
    text = "\r\n".join(",".join(r) for r in [header] + rows)  # no final newline
    return b"\xef\xbb\xbf" + text.encode("utf-8")


def write_broken(dirpath):
    os.makedirs(dirpath, exist_ok=True)
    cases = broken_cases()
    for name, data, *_ in cases:
        with open(os.path.join(dirpath, name), "wb") as f:
            f.write(data)
    with open(os.path.join(dirpath, "csv-edge-cases.csv"), "wb") as f:
        f.write(edge_case_file())

    out = ["# Broken sample files\n",
           "Written by `tools/gen-sample-data.py`; do not edit by hand.  Each `FBnnn-*.csv`",
           "file shows exactly one finding of the regional bed-record standard (the rule",
           "tables in `include/fosterbeds/standard.h`) and is otherwise clean.  Line 1 is",
           "the header; a line is what a text editor shows.  The files use Portsmouth",
           "(851) or Bracknell Forest (867) and snapshot date 2026-03-31 unless the case",
           "needs otherwise, and every file has its own household references, so",
           "validating them all together adds no findings across files.\n",
           "| file | finding | severity | line | what |",
           "|---|---|---|---:|---|"]
    for name, data, code, sev, line, note in cases:
        out.append("| %s | %s | %s | %d | %s |" % (name, code, sev, line, note))
    out.append("| csv-edge-cases.csv | none | | | a valid file: UTF-8 BOM, CRLF line ends, "
               "shuffled columns, odd-case header names and codes (` Status `, `FILLED`, "
               "`Respite`), a quoted household_id with a comma, one with doubled quotes "
               "(`\"HH \"\"A\"\"\"`), one with a line break inside quotes (lines 5-6 and "
               "7-8), and no final newline; 6 beds, 6 used |")
    out.append("")
    out.append("Check one with `./build/fosterbeds validate sample-data/broken/<file>`.  FB008")
    out.append("depends on the day: it shows while today (or `--today`) is before 2031-03-31.")
    with open(os.path.join(dirpath, "README.md"), "wb") as f:
        f.write(("\n".join(out) + "\n").encode("utf-8"))
    return cases


# ---------------------------------------------------------------------------

def main():
    las = [dict(code=c, name=n, slug=s, approved=a, filled_pct=fp, re_share=re,
                ofsted=o, id_style=hs, bed_style=bs)
           for c, n, s, a, fp, re, o, hs, bs in LAS]
    children = ChildRefs(random.Random(SEED))
    recdir = os.path.join(OUT, "records")
    os.makedirs(recdir, exist_ok=True)
    paths = []
    os_counts = {}   # code -> RETURN_DATE beds by ofsted_status, from memory
    for la in las:
        ids, snaps = generate_la(la, children)
        path = os.path.join(recdir, "%03d-%s.csv" % (la["code"], la["slug"]))
        write_csv(path, la_rows(la, ids, snaps))
        paths.append(path)
        c = os_counts[la["code"]] = {}
        for hh in snaps[DATES.index(RETURN_DATE)]:
            for b in hh.beds:
                c[b.ofsted] = c.get(b.ofsted, 0) + 1
    return_path = os.path.join(OUT, RETURN_FILE)
    write_csv(return_path, return_rows(os_counts), RETURN_HEAD)

    counts, problems = recount(paths)
    write_expected(os.path.join(OUT, "EXPECTED.md"), counts, las)
    write_expected_csv(os.path.join(OUT, "EXPECTED.csv"), counts, las)
    write_broken(os.path.join(OUT, "broken"))
    ret = read_return(return_path, problems)
    cells = recount_bridge(paths, RETURN_DATE)
    check_return(ret, counts, cells, problems)
    total_s = write_reconcile(os.path.join(OUT, "EXPECTED-reconcile.csv"), ret, counts, las)
    write_bridge(os.path.join(OUT, "EXPECTED-bridge.csv"), cells)

    missed = 0
    for date in DATES:
        c = pooled(counts, date)
        m = measures(c)
        print("%s  pooled over %d LAs" % (date, sum(1 for k in counts if k[1] == date)))
        print("  approved %d  filled %d  vacant %d  unavailable %d  respite/emergency %d" % (
            c["approved"], c["filled"], c["vacant"], c["unavailable"], c["respite_emergency"]))
        print("  mainstream: approved %d  filled %d  vacant %d  unavailable %d" % (
            c["ms_approved"], c["ms_filled"], c["ms_vacant"], c["ms_unavailable"]))
        print("  ofsted_status: counted %d  filled %d  vacant %d  unavailable %d  not_counted %d" % (
            c["os_counted"], c["os_filled"], c["os_vacant"], c["os_unavailable"],
            c["os_not_counted"]))
        for k, (want, tol) in TARGETS.items():
            ok = abs(m[k] - want) <= tol
            missed += not ok
            print("  %-24s %5.1f%%  (target %.1f +/- %.1f)%s" % (
                k, m[k], want, tol, "" if ok else "  MISSED"))
    names = {"%03d" % la["code"]: la["name"] for la in las}
    print("per-LA approved beds (%s / %s):" % DATES)
    for la in las:
        code = "%03d" % la["code"]
        c1, c2 = counts[(code, DATES[0])], counts[(code, DATES[1])]
        print("  %s %-24s %5d %5d  util incl %5.1f%% excl %5.1f%%  ofsted filled %5.1f%%" % (
            code, la["name"], c1["approved"], c2["approved"],
            pctf(c1["filled"], c1["approved"]), pctf(c1["ms_filled"], c1["ms_approved"]),
            pctf(c1["os_filled"], c1["os_counted"])))
    c = pooled(counts, RETURN_DATE)
    sa = total_s["approved"]
    print("Ofsted return %s, pooled over %d LAs, as submitted vs standardised:" % (
        RETURN_DATE, len(ret)))
    print("  submitted: approved %d  filled %d  vacant %d  unavailable %d" % (
        sa, total_s["filled"], total_s["vacant"], total_s["unavailable"]))
    print("  records:   approved %d  filled %d  vacant %d  unavailable %d" % (
        c["approved"], c["filled"], c["vacant"], c["unavailable"]))
    got = {"submitted_filled": pctf(total_s["filled"], sa),
           "submitted_vacant": pctf(total_s["vacant"], sa)}
    for k, (want, tol) in RETURN_TARGETS.items():
        ok = abs(got[k] - want) <= tol
        missed += not ok
        print("  %-24s %5.1f%%  (target %.1f +/- %.1f)%s" % (
            k, got[k], want, tol, "" if ok else "  MISSED"))
    print("  %-24s %5.1f%%" % ("submitted_unavailable", pctf(total_s["unavailable"], sa)))
    m = measures(c)
    for k in ("utilisation_incl", "utilisation_excl", "vacant", "unavailable"):
        print("  %-24s %5.1f%%" % ("std " + k, m[k]))
    for code, s in sorted(ret.items()):
        n = int(code)
        notes = []
        if n in RETURN_EXTRAS:
            ev, eu, _ = RETURN_EXTRAS[n]
            notes.append("extra places: vacant +%d unavailable +%d" % (ev, eu))
        diff = s["approved"] - s["filled"] - s["vacant"] - s["unavailable"]
        if diff:
            notes.append("approved - (filled+vacant+unavailable) = %+d (%s)" % (
                diff, RETURN_UNBALANCED[n][0]))
        if notes:
            print("  %s %-24s %s" % (code, names[code], "; ".join(notes)))
    for p in problems:
        print("problem: " + p, file=sys.stderr)
    if problems or missed:
        print("%d problem(s), %d target(s) missed" % (len(problems), missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
