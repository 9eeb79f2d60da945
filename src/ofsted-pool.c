/*
 * ofsted-pool.c: the rows `ofsted` shows, pooled from Ofsted's published
 * file (ofsted.h): each authority and joint service, then each region's sum
 * of its authorities beside Ofsted's own figure and the difference, and
 * England's.
 *
 * A measure's sum adds the authorities that give it; a suppressed or blank
 * cell is never read as 0.  The notes say in words which authorities a sum
 * lacks and why it and Ofsted's figure differ: counts rounded to the
 * nearest 5, suppressed authorities, columns that match no LA, and joint
 * fostering services that publish their members' places.
 */
#include "fosterbeds/ofsted.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/la.h"
#include "fosterbeds/tally.h"
#include "util.h"

const char *const fb_ofsted_kind_names[FB_OK_COUNT] = {
	[FB_OK_LA] = "la",
	[FB_OK_JOINT] = "joint",
	[FB_OK_REGION] = "region",
	[FB_OK_REGION_PUBLISHED] = "region_published",
	[FB_OK_REGION_DIFF] = "region_difference",
	[FB_OK_ENGLAND] = "england",
	[FB_OK_ENGLAND_PUBLISHED] = "england_published",
	[FB_OK_ENGLAND_DIFF] = "england_difference",
	[FB_OK_ENGLAND_ALL] = "england_all_agencies",
};

int
fb_ofsted_row_pooled(const struct fb_ofsted_row *row)
{
	return row->kind != FB_OK_LA && row->kind != FB_OK_JOINT;
}

void
fb_ofsted_rows_init(struct fb_ofsted_rows *rows)
{
	memset(rows, 0, sizeof(*rows));
}

void
fb_ofsted_rows_release(struct fb_ofsted_rows *rows)
{
	for (size_t i = 0; i < rows->n; i++) {
		free(rows->v[i].name);
		free(rows->v[i].not_pooled);
		free(rows->v[i].note);
	}
	free(rows->v);
	memset(rows, 0, sizeof(*rows));
}

/* A new row of o's year, every count 0 and every pointer NULL. */
static struct fb_ofsted_row *
push(struct fb_ofsted_rows *r, const struct fb_ofsted *o)
{
	struct fb_ofsted_row *row;

	fb_grow((void **)&r->v, &r->cap, r->n + 1, sizeof(*r->v));
	row = &r->v[r->n++];
	memset(row, 0, sizeof(*row));
	snprintf(row->year, sizeof(row->year), "%s", o->year);
	return row;
}

/* "South East (Ofsted)": the area's name, then what the row is. */
static char *
named(const char *area, const char *what)
{
	struct fb_strbuf t = { 0 };

	fb_strbuf_addf(&t, "%s%s", area, what);
	return t.s;
}

static int
by_code(const void *a, const void *b)
{
	const struct fb_ofsted_la *x = a, *y = b;

	return (x->la_code > y->la_code) - (x->la_code < y->la_code);
}

/* Shares of approved from one unit's counts, both given. */
static void
shares(struct fb_ofsted_row *row, const long v[FB_OM_COUNT], int accumulate)
{
	for (int k = 0; k < 3; k++) {
		long part = v[FB_OM_FILLED + k], approved = v[FB_OM_APPROVED];

		if (!accumulate) {
			row->pct_num[k] = part;
			row->pct_den[k] = approved;
			continue;
		}
		if (part == FB_MISSING || approved == FB_MISSING)
			continue;
		if (row->pct_den[k] == FB_MISSING)
			row->pct_num[k] = row->pct_den[k] = 0;
		row->pct_num[k] += part;
		row->pct_den[k] += approved;
	}
}

static const struct fb_ofsted_joint *
joint_column(const struct fb_ofsted *o, const struct fb_joint_service *svc)
{
	for (size_t j = 0; svc && j < o->njoints; j++)
		if (o->joints[j].service == svc)
			return &o->joints[j];
	return NULL;
}

/* The measures an LA's own column lacks, as "unavailable blank" or "suppressed". */
static void
lacking(struct fb_strbuf *t, const struct fb_ofsted_la *la, unsigned lack, unsigned measures)
{
	const char *sep = "";
	int all = 1, supp = 1;

	for (int m = 0; m < FB_OM_COUNT; m++) {
		if (measures & FB_OM_BIT(m))
			all &= (lack & FB_OM_BIT(m)) != 0;
		if (lack & FB_OM_BIT(m))
			supp &= (la->suppressed & FB_OM_BIT(m)) != 0;
	}
	if (all) {
		fb_strbuf_addf(t, supp ? "suppressed ('..')" : "blank or suppressed");
		return;
	}
	for (int m = 0; m < FB_OM_COUNT; m++) {
		if (!(lack & FB_OM_BIT(m)))
			continue;
		fb_strbuf_addf(t, "%s%s %s", sep, fb_ofsted_measure_names[m],
		    la->suppressed & FB_OM_BIT(m) ? "suppressed" : "blank");
		sep = ", ";
	}
}

/* 1 when an authority, joint service or unmatched column of region g (any: g < 0) is read. */
static int
has_columns(const struct fb_ofsted *o, int g)
{
	if (g < 0)
		return o->n || o->njoints || o->unmatched;
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(fb_la_by_code(o->las[i].la_code)->region, fb_la_regions[g]) == 0)
			return 1;
	for (size_t i = 0; i < o->njoints; i++)
		if (strcmp(o->joints[i].service->region, fb_la_regions[g]) == 0)
			return 1;
	for (long i = 0; i < o->unmatched; i++)
		if (o->bad[i].region == g)
			return 1;
	return 0;
}

/* England's own column, when the file has it: every agency, independent ones too. */
static void
england_all(struct fb_ofsted_rows *rows, const struct fb_ofsted *o)
{
	struct fb_ofsted_row *e;

	if (!o->england.given)
		return;
	e = push(rows, o);
	e->la_code = FB_LA_ALL;
	e->region = "";
	e->name = fb_xstrdup("England, all agencies (Ofsted)");
	e->kind = FB_OK_ENGLAND_ALL;
	memcpy(e->v, o->england.v, sizeof(e->v));
	shares(e, e->v, 0);
	e->note = fb_xstrdup("England's own column: local authority and independent "
			     "fostering agencies, so not comparable with the sum of the LAs");
}

/*
 * The sum of an area's authorities (region g, or England when g < 0), then
 * the area's own published figures and the difference, when the file gives
 * them.  Joint services count in their region; unmatched columns count in
 * none but are named.
 */
static void
add_area(struct fb_ofsted_rows *rows, const struct fb_ofsted *o, int g)
{
	const char *area = g < 0 ? "England" : fb_la_regions[g];
	struct fb_ofsted_area nine = { 1, { 0 } };
	const struct fb_ofsted_area *pub = g < 0 ? &nine : &o->regions[g];
	struct fb_ofsted_row *row = push(rows, o), *p, *d;
	struct fb_strbuf missing = { 0 }, note = { 0 }, why = { 0 };
	unsigned any = 0;
	int units = 0, lack_approved = 0, through = 0, bad = 0;
	long bad_approved = 0;
	int bad_known = 1;
	size_t r = (size_t)(row - rows->v);

	/*
	 * England's own column counts independent fostering agencies too (far
	 * above its regions added up), so the LAs' sum is set beside the nine
	 * region columns added up instead, and England's column after.
	 */
	for (int k = 0; g < 0 && k < FB_NREGIONS; k++) {
		nine.given &= o->regions[k].given;
		for (int m = 0; m < FB_OM_COUNT; m++)
			if (!o->regions[k].given || o->regions[k].v[m] == FB_MISSING ||
			    nine.v[m] == FB_MISSING)
				nine.v[m] = FB_MISSING;
			else
				nine.v[m] += o->regions[k].v[m];
	}
	if (!pub->given && !has_columns(o, g)) {
		rows->n--;   /* a region the file does not cover gets no rows */
		return;
	}
	row->la_code = FB_LA_ALL;
	row->region = g < 0 ? "" : area;
	row->name = fb_xstrdup(area);
	row->kind = g < 0 ? FB_OK_ENGLAND : FB_OK_REGION;
	for (int k = 0; k < 3; k++)
		row->pct_num[k] = row->pct_den[k] = FB_MISSING;
	for (size_t i = 0; i < o->n; i++) {
		const struct fb_ofsted_la *la = &o->las[i];
		const struct fb_la *def = fb_la_by_code(la->la_code);
		const struct fb_ofsted_joint *j = joint_column(o, fb_joint_of_la(la->la_code));
		unsigned lack = 0;

		if (g >= 0 && strcmp(def->region, area) != 0)
			continue;
		row->nla++;
		for (int m = 0; m < FB_OM_COUNT; m++) {
			if (la->v[m] != FB_MISSING) {
				row->v[m] = (any & FB_OM_BIT(m)) ? row->v[m] + la->v[m] : la->v[m];
				any |= FB_OM_BIT(m);
			} else if ((!j || j->v[m] == FB_MISSING) && (o->measures & FB_OM_BIT(m))) {
				lack |= FB_OM_BIT(m);
			}
		}
		if (la->v[FB_OM_APPROVED] != FB_MISSING) {
			units++;
			row->pooled++;
		} else if (!(lack & FB_OM_BIT(FB_OM_APPROVED))) {
			row->pooled++;
			through++;
		} else {
			lack_approved++;
		}
		shares(row, la->v, 1);
		if (lack) {
			fb_strbuf_addf(&missing, "%s%s (%03d): ", missing.n ? "; " : "", def->name, def->code);
			lacking(&missing, la, lack, o->measures);
		}
	}
	for (size_t i = 0; i < o->njoints; i++) {
		const struct fb_ofsted_joint *j = &o->joints[i];

		if (g >= 0 && strcmp(j->service->region, area) != 0)
			continue;
		for (int m = 0; m < FB_OM_COUNT; m++) {
			if (j->v[m] == FB_MISSING)
				continue;
			row->v[m] = (any & FB_OM_BIT(m)) ? row->v[m] + j->v[m] : j->v[m];
			any |= FB_OM_BIT(m);
		}
		if (j->v[FB_OM_APPROVED] != FB_MISSING) {
			units++;
			fb_strbuf_addf(&why, "%s's %ld approved places are in the sum for its member LAs; ",
			    j->service->name, j->v[FB_OM_APPROVED]);
		}
		shares(row, j->v, 1);
	}
	for (long i = 0; i < o->unmatched; i++) {
		if (g >= 0 && o->bad[i].region != g)
			continue;
		row->nla++;
		bad++;
		if (o->bad[i].v[FB_OM_APPROVED] == FB_MISSING)
			bad_known = 0;
		else
			bad_approved += o->bad[i].v[FB_OM_APPROVED];
		fb_strbuf_addf(&missing, "%s'%s': matches no LA (FB026)", missing.n ? "; " : "",
		    o->bad[i].name);
	}
	for (int m = 0; m < FB_OM_COUNT; m++)
		if (!(any & FB_OM_BIT(m)))
			row->v[m] = FB_MISSING;
	fb_strbuf_addf(&note, "pools the approved places of %d of the %d LAs with a column in the file",
	    row->pooled, row->nla);
	if (through)
		fb_strbuf_addf(&note, " (%d through a joint fostering service)", through);
	fb_strbuf_addf(&note, "; a measure sums the authorities that give it");
	row->not_pooled = missing.s;
	row->note = note.s;
	if (!pub->given) {
		free(why.s);
		if (g < 0)
			england_all(rows, o);
		return;
	}

	p = push(rows, o);
	row = &rows->v[r];   /* push may have moved the rows */
	p->la_code = FB_LA_ALL;
	p->region = row->region;
	p->name = named(area, g < 0 ? " (Ofsted's regions)" : " (Ofsted)");
	p->kind = g < 0 ? FB_OK_ENGLAND_PUBLISHED : FB_OK_REGION_PUBLISHED;
	memcpy(p->v, pub->v, sizeof(p->v));
	shares(p, pub->v, 0);
	p->note = fb_xstrdup(g < 0 ? "Ofsted's nine region columns added up: its LA "
				     "fostering services" : "as Ofsted publishes it, in the "
				     "region's own column");

	d = push(rows, o);
	row = &rows->v[r];
	p = &rows->v[r + 1];
	d->name = named(area, " (Ofsted - sum)");
	d->la_code = FB_LA_ALL;
	d->region = row->region;
	d->kind = g < 0 ? FB_OK_ENGLAND_DIFF : FB_OK_REGION_DIFF;
	for (int k = 0; k < 3; k++)
		d->pct_num[k] = d->pct_den[k] = FB_MISSING;
	for (int m = 0; m < FB_OM_COUNT; m++) {
		if (pub->v[m] == FB_MISSING || row->v[m] == FB_MISSING)
			continue;
		d->given |= FB_OM_BIT(m);
		d->v[m] = pub->v[m] - row->v[m];
	}
	{
		struct fb_strbuf cause = { 0 };
		/* A whole number rounded to the nearest 5 is at most 2 from it. */
		long bound = 2L * (units + (g < 0 ? FB_NREGIONS : 1)), gap;

		if (!(d->given & FB_OM_BIT(FB_OM_APPROVED))) {
			fb_strbuf_addf(&cause, "approved places: not known on one side");
		} else {
			gap = d->v[FB_OM_APPROVED];
			fb_strbuf_addf(&cause, "approved places: Ofsted %ld, sum %ld, difference %+ld", pub->v[FB_OM_APPROVED],
			    row->v[FB_OM_APPROVED], gap);
			if (lack_approved)
				fb_strbuf_addf(&cause, "; %d LA%s suppressed or blank, in Ofsted's figure but "
				    "not in the sum", lack_approved, lack_approved == 1 ? "" : "s");
			if (bad) {
				fb_strbuf_addf(&cause, "; %d column%s matching no LA left out of the sum", bad,
				    bad == 1 ? "" : "s");
				if (bad_known)
					fb_strbuf_addf(&cause, " (%ld approved places)", bad_approved);
			}
			if (why.n)
				fb_strbuf_addf(&cause, "; %.*s", (int)(why.n - 2), why.s);
			if (!lack_approved && !bad && gap == 0)
				fb_strbuf_addf(&cause, "; no difference");
			else if (!lack_approved && !bad && gap >= -bound && gap <= bound)
				fb_strbuf_addf(&cause, "; rounding to 5 alone (up to %ld for these %d figures "
				    "and Ofsted's own)", bound, units);
			else if (!lack_approved && !bad)
				fb_strbuf_addf(&cause, "; more than rounding to 5 explains (up to %ld): check "
				    "the file", bound);
			else
				fb_strbuf_addf(&cause, "; and rounding to 5 (up to %ld)", bound);
		}
		d->note = cause.s;
	}
	free(why.s);
	if (g < 0)
		england_all(rows, o);
}

/* One file's authorities and joint services of the wanted region, then the areas. */
void
fb_ofsted_rows_add(struct fb_ofsted_rows *rows, struct fb_ofsted *o, int only, int file,
		   struct fb_findings *out)
{
	rows->missing += o->missing;
	fb_qsort(o->las, o->n, sizeof(*o->las), by_code);
	for (size_t i = 0; i < o->n; i++) {
		const struct fb_la *la = fb_la_by_code(o->las[i].la_code);
		const struct fb_joint_service *svc = fb_joint_of_la(la->code);
		struct fb_ofsted_row *row;

		if (only >= 0 && strcmp(la->region, fb_la_regions[only]) != 0)
			continue;
		fb_published_balance_check(out, file, o->places_line, o->las[i].col, la->name,
					   la->code,
					   o->las[i].v[FB_OM_APPROVED], o->las[i].v[FB_OM_FILLED],
					   o->las[i].v[FB_OM_VACANT],
					   o->las[i].v[FB_OM_UNAVAILABLE]);
		row = push(rows, o);
		row->la_code = la->code;
		row->region = la->region;
		row->kind = FB_OK_LA;
		memcpy(row->v, o->las[i].v, sizeof(row->v));
		shares(row, row->v, 0);
		if (joint_column(o, svc)) {
			row->covered_by = svc->name;
			if (o->las[i].v[FB_OM_APPROVED] == FB_MISSING) {
				struct fb_strbuf note = { 0 };

				fb_strbuf_addf(&note, "its places are published in %s's column", svc->name);
				row->note = note.s;
			}
		}
	}
	for (size_t i = 0; i < o->njoints; i++) {
		const struct fb_ofsted_joint *j = &o->joints[i];
		const struct fb_joint_service *svc = j->service;
		struct fb_ofsted_row *row;
		struct fb_strbuf note = { 0 };

		if (only >= 0 && strcmp(svc->region, fb_la_regions[only]) != 0)
			continue;
		fb_published_balance_check(out, file, o->places_line, j->col, svc->name, 0,
					   j->v[FB_OM_APPROVED], j->v[FB_OM_FILLED],
					   j->v[FB_OM_VACANT], j->v[FB_OM_UNAVAILABLE]);
		row = push(rows, o);
		row->la_code = FB_LA_ALL;
		row->region = svc->region;
		row->name = fb_xstrdup(svc->name);
		row->kind = FB_OK_JOINT;
		memcpy(row->v, j->v, sizeof(row->v));
		shares(row, row->v, 0);
		fb_strbuf_addf(&note, "joint fostering service of ");
		for (size_t k = 0; k < 4 && svc->members[k]; k++) {
			const struct fb_la *la = fb_la_by_code(svc->members[k]);

			fb_strbuf_addf(&note, "%s%s (%03d)", k == 0 ? "" : k + 1 < 4 && svc->members[k + 1] ?
				   ", " : " and ", la->name, la->code);
		}
		fb_strbuf_addf(&note, "; counted in %s", svc->region);
		row->note = note.s;
	}
	for (int g = 0; g < FB_NREGIONS; g++)
		if (only < 0 || g == only)
			add_area(rows, o, g);
	if (only < 0)
		add_area(rows, o, -1);
}

