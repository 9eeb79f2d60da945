/*
 * profile.c: mapping profiles (profile.h, spec/profiles.md): the model,
 * built from INI entries and checked as a whole.  Reading an input through
 * it is profile-map.c; household rows and dates are profile-expand.c.
 */
#include "fosterbeds/profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fosterbeds/la.h"
#include "fosterbeds/record.h"
#include "profile-internal.h"
#include "util.h"

struct fb_profile *
fb_profile_new(const char *path)
{
	struct fb_profile *p = fb_xcalloc(1, sizeof(*p));

	p->path = fb_xstrdup(path ? path : "profile");
	return p;
}

static void
column_free(struct fb_profile_column *c)
{
	free(c->section);
	free(c->name);
	free(c->header);
	for (size_t i = 0; i < c->nalias; i++)
		free(c->alias[i]);
	free(c->alias);
	if (c->pattern)
		regfree(&c->re);
	free(c->pattern);
	for (size_t i = 0; i < c->nvalues; i++)
		free(c->values[i].local);
	free(c->values);
}

void
fb_profile_free(struct fb_profile *p)
{
	if (!p)
		return;
	free(p->path);
	free(p->system);
	free(p->la);
	for (size_t i = 0; i < p->ndate_formats; i++)
		free(p->date_format[i]);
	for (int f = 0; f < FB_F_COUNT; f++)
		free(p->constant[f]);
	if (p->name_pattern)
		regfree(&p->name_re);
	free(p->name_pattern);
	for (size_t i = 0; i < p->ncols; i++)
		column_free(&p->col[i]);
	free(p);
}

/* The standard field called name (len bytes), or FB_NONE. */
static int
field_named(const char *name, size_t len)
{
	for (int f = 0; f < FB_F_COUNT; f++)
		if (fb_strncaseeq(fb_fields[f].name, name, len))
			return f;
	return FB_NONE;
}

/*
 * The field a [column NAME] reads: a standard column, or an episode file's
 * status_from (in snapshot_date's place) or status_to; FB_NONE if neither.
 */
static int
column_field(const char *name)
{
	if (strcasecmp(name, "status_from") == 0)
		return FB_F_SNAPSHOT_DATE;
	if (strcasecmp(name, "status_to") == 0)
		return FB_EP_STATUS_TO;
	return field_named(name, strlen(name));
}

static int
episode_column(const struct fb_profile_column *c)
{
	return c->kind == FB_PK_COLUMN &&
	       (strcasecmp(c->name, "status_from") == 0 || strcasecmp(c->name, "status_to") == 0);
}

const char *
fb_profile_field_name(const struct fb_profile *p, int field)
{
	if (field == FB_EP_STATUS_TO)
		return "status_to";
	if (field == FB_F_SNAPSHOT_DATE && p->episodes)
		return "status_from";
	return fb_fields[field].name;
}

/* The section's kind and name: "column status" is FB_PK_COLUMN "status". */
static int
section_kind(const char *section, enum fb_profile_kind *kind, const char **name)
{
	static const struct {
		const char *word;
		enum fb_profile_kind kind;
	} kinds[] = {
		{ "column", FB_PK_COLUMN },
		{ "flag", FB_PK_FLAG },
		{ "count", FB_PK_COUNT },
	};

	if (strcmp(section, "approved") == 0) {
		*kind = FB_PK_APPROVED;
		*name = section;
		return 0;
	}
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		size_t n = strlen(kinds[i].word);

		if (strncmp(section, kinds[i].word, n) == 0 && section[n] == ' ') {
			const char *rest = section + n;

			while (*rest == ' ')
				rest++;
			if (*rest == '\0')
				return -1;
			*kind = kinds[i].kind;
			*name = rest;
			return 0;
		}
	}
	return -1;
}

static struct fb_profile_column *
column_of(struct fb_profile *p, const char *section)
{
	for (size_t i = 0; i < p->ncols; i++)
		if (strcmp(p->col[i].section, section) == 0)
			return &p->col[i];
	return NULL;
}

int
fb_profile_section(struct fb_profile *p, const char *section, long line, char *why, size_t whylen)
{
	enum fb_profile_kind kind;
	const char *name;
	struct fb_profile_column *c;

	if (strcmp(section, "profile") == 0 || strcmp(section, "constant") == 0)
		return 0;
	if (section_kind(section, &kind, &name) != 0)
		return fb_why(why, whylen, "unknown section [%s]; the sections are [profile], "
			      "[constant], [column FIELD], [flag NAME], [count NAME] and [approved]",
			      section);
	if ((c = column_of(p, section)) != NULL)
		return fb_why(why, whylen, "section [%s] is given twice (first on line %ld)",
			      section, c->line);
	if (kind == FB_PK_COLUMN && column_field(name) == FB_NONE)
		return fb_why(why, whylen, "[column %s]: '%s' is not a column of the standard; "
			      "the columns are la_code, snapshot_date, household_id, bed_id, "
			      "bed_use, status, unavailable_reason, vacancy_reason, child_ref, "
			      "ofsted_status, and for episode files status_from and status_to",
			      name, name);
	if (p->ncols == FB_PROFILE_MAX_COLUMNS)
		return fb_why(why, whylen, "a profile may read at most %d columns",
			      FB_PROFILE_MAX_COLUMNS);
	c = &p->col[p->ncols++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->section = fb_xstrdup(section);
	c->name = fb_xstrdup(name);
	c->field = kind == FB_PK_COLUMN ? column_field(name) : FB_NONE;
	c->line = line;
	if (episode_column(c) && !p->episodes) {
		p->episodes = 1;
		p->episodes_line = line;
	}
	c->status = c->bed_use = c->unavailable_reason = c->vacancy_reason = FB_NONE;
	c->ofsted_status = FB_NONE;
	if (kind == FB_PK_COUNT)
		p->expand = 1;
	return 0;
}

/* Split the next '|'-separated item off *s: its bytes, trimmed, in *item, *len. */
static int
next_item(const char **s, const char **item, size_t *len)
{
	const char *p = *s, *bar;

	if (!p)
		return 0;
	bar = strchr(p, '|');
	*item = p;
	*len = bar ? (size_t)(bar - p) : strlen(p);
	*s = bar ? bar + 1 : NULL;
	fb_trim(item, len);
	return 1;
}

/* ASCII case folded, spaces removed: how aliases compare. */
size_t
fb_profile_squash(const char *s, size_t len, char *out, size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < len && n + 1 < size; i++)
		if (s[i] != ' ' && s[i] != '\t')
			out[n++] = fb_ascii_lower(s[i]);
	out[n] = '\0';
	return n;
}

static int
local_eq(const char *local, const char *s, size_t len)
{
	return fb_strncaseeq(local, s, len);
}

const struct fb_profile_value *
fb_profile_value_of(const struct fb_profile_column *c, const char *s, size_t len, size_t from)
{
	for (size_t i = from; i < c->nvalues; i++)
		if (local_eq(c->values[i].local, s, len))
			return &c->values[i];
	return NULL;
}

static int
add_values(struct fb_profile_column *c, const char *list, enum fb_profile_action action,
	   int field, int code, long line, char *why, size_t whylen)
{
	const char *item;
	size_t len;
	int any = 0;

	while (next_item(&list, &item, &len)) {
		struct fb_profile_value *v;

		if (len == 0)
			continue;
		any = 1;
		for (size_t i = 0; i < c->nvalues; i++) {
			const struct fb_profile_value *o = &c->values[i];
			int clash;

			if (!local_eq(o->local, item, len))
				continue;
			/* A value may set this column and others, but only once each. */
			clash = o->action == action || o->action == FB_PA_DROP ||
				action == FB_PA_DROP || o->action == FB_PA_KEEP ||
				action == FB_PA_KEEP;
			if (action == FB_PA_SET && o->action == FB_PA_SET && o->field != field)
				clash = 0;
			if (clash)
				return fb_why(why, whylen, "'%.*s' is mapped twice in [%s %s] "
					      "(first on line %ld)", (int)len, item,
					      c->kind == FB_PK_COLUMN ? "column" : "flag", c->name,
					      o->line);
		}
		fb_grow((void **)&c->values, &c->valcap, c->nvalues + 1, sizeof(*c->values));
		v = &c->values[c->nvalues++];
		v->local = fb_xstrndup(item, len);
		v->action = action;
		v->field = field;
		v->code = code;
		v->line = line;
		if (action != FB_PA_DROP)
			c->mapped = 1;
	}
	if (!any)
		return fb_why(why, whylen, "no local value is given (write them separated by |)");
	return 0;
}

/* "CODE" of field, or an error naming the field's codes. */
static int
code_of(int field, const char *code, int *out, char *why, size_t whylen)
{
	if (field == FB_EP_STATUS_TO)
		return fb_why(why, whylen, "status_to is not a coded column, so its values "
			      "cannot be mapped");
	if (fb_fields[field].type != FB_T_CODE)
		return fb_why(why, whylen, "%s is not a coded column, so its values cannot be "
			      "mapped", fb_fields[field].name);
	*out = fb_code_lookup(field, code, strlen(code));
	if (*out == FB_NONE || strcmp(fb_fields[field].codes[*out].name, code) != 0)
		return fb_why(why, whylen, "'%s' is not a code of %s; its codes are %s", code,
			      fb_fields[field].name, fb_field_code_list(field));
	return 0;
}

static int
set_string(char **slot, const char *value, const char *key, char *why, size_t whylen)
{
	if (*slot)
		return fb_why(why, whylen, "%s is given twice", key);
	*slot = fb_xstrdup(value);
	return 0;
}

static int
set_profile_key(struct fb_profile *p, const char *key, const char *value, long line,
		char *why, size_t whylen)
{
	/* profile init's placeholder: a profile is not used until it is filled in. */
	if (strcmp(value, "TODO") == 0)
		return fb_why(why, whylen, "%s is still TODO: fill it in", key);
	if (strcmp(key, "system") == 0)
		return set_string(&p->system, value, key, why, whylen);
	if (strcmp(key, "la") == 0)
		return set_string(&p->la, value, key, why, whylen);
	if (strcmp(key, "delimiter") == 0) {
		if (p->delim)
			return fb_why(why, whylen, "delimiter is given twice");
		if (strcmp(value, "comma") == 0 || strcmp(value, ",") == 0)
			p->delim = ',';
		else if (strcmp(value, "semicolon") == 0 || strcmp(value, ";") == 0)
			p->delim = ';';
		else if (strcmp(value, "tab") == 0 || strcmp(value, "\\t") == 0)
			p->delim = '\t';
		else
			return fb_why(why, whylen, "delimiter '%s' is not comma, semicolon or tab",
				      value);
		return 0;
	}
	if (strcmp(key, "encoding") == 0) {
		if (strcmp(value, "utf-8") == 0 || strcmp(value, "UTF-8") == 0)
			p->encoding = FB_PE_UTF8;
		else if (strcmp(value, "windows-1252") == 0 || strcmp(value, "Windows-1252") == 0 ||
			 strcmp(value, "cp1252") == 0)
			p->encoding = FB_PE_1252;
		else
			return fb_why(why, whylen, "encoding '%s' is not utf-8 or windows-1252",
				      value);
		return 0;
	}
	if (strcmp(key, "date_format") == 0) {
		if (fb_profile_date_format_check(value, why, whylen) != 0)
			return -1;
		if (p->ndate_formats == FB_PROFILE_MAX_DATE_FORMATS)
			return fb_why(why, whylen, "at most %d date formats may be given",
				      FB_PROFILE_MAX_DATE_FORMATS);
		p->date_format[p->ndate_formats++] = fb_xstrdup(value);
		return 0;
	}
	if (strcmp(key, "snapshot_date_from_name") == 0) {
		int rc;

		if (p->name_pattern)
			return fb_why(why, whylen, "snapshot_date_from_name is given twice");
		if ((rc = regcomp(&p->name_re, value, REG_EXTENDED | REG_ICASE)) != 0) {
			char err[128];

			regerror(rc, &p->name_re, err, sizeof(err));
			return fb_why(why, whylen, "snapshot_date_from_name '%s' is not a pattern: %s",
				      value, err);
		}
		p->name_pattern = fb_xstrdup(value);
		p->name_pattern_line = line;
		return 0;
	}
	return fb_why(why, whylen, "unknown key '%s' in [profile]; the keys are system, la, "
		      "delimiter, encoding, date_format and snapshot_date_from_name", key);
}

static int
set_constant(struct fb_profile *p, const char *key, const char *value, long line, char *why,
	     size_t whylen)
{
	int f = field_named(key, strlen(key)), code, days;
	enum fb_date_form form;

	if (f != FB_F_LA_CODE && f != FB_F_SNAPSHOT_DATE)
		return fb_why(why, whylen, "unknown key '%s' in [constant]; a constant may be "
			      "given for la_code and snapshot_date", key);
	if (p->constant[f])
		return fb_why(why, whylen, "constant %s is given twice (first on line %ld)", key,
			      p->constant_line[f]);
	if (f == FB_F_LA_CODE && fb_la_code_parse(value, strlen(value), &code) != 0)
		return fb_why(why, whylen, "constant la_code '%s' is not a three-digit DfE code",
			      value);
	if (f == FB_F_SNAPSHOT_DATE &&
	    (fb_date_parse(value, strlen(value), &days, &form) != 0 || form != FB_DATE_ISO))
		return fb_why(why, whylen, "constant snapshot_date '%s' is not a date in "
			      "YYYY-MM-DD form", value);
	p->constant[f] = fb_xstrdup(value);
	p->constant_line[f] = line;
	return 0;
}

static int
set_count_key(struct fb_profile_column *c, const char *key, const char *value, char *why,
	      size_t whylen)
{
	static const struct {
		const char *key;
		int field;
		size_t off;
	} keys[] = {
		{ "status", FB_F_STATUS, offsetof(struct fb_profile_column, status) },
		{ "bed_use", FB_F_BED_USE, offsetof(struct fb_profile_column, bed_use) },
		{ "unavailable_reason", FB_F_UNAVAILABLE_REASON,
		  offsetof(struct fb_profile_column, unavailable_reason) },
		{ "vacancy_reason", FB_F_VACANCY_REASON,
		  offsetof(struct fb_profile_column, vacancy_reason) },
		{ "ofsted_status", FB_F_OFSTED_STATUS,
		  offsetof(struct fb_profile_column, ofsted_status) },
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		int *slot = (int *)(void *)((char *)c + keys[i].off);

		if (strcmp(key, keys[i].key) != 0)
			continue;
		if (*slot != FB_NONE)
			return fb_why(why, whylen, "%s is given twice", key);
		return code_of(keys[i].field, value, slot, why, whylen);
	}
	return fb_why(why, whylen, "unknown key '%s' in [count %s]; the keys are header, alias, "
		      "pattern, status, bed_use, unavailable_reason, vacancy_reason and "
		      "ofsted_status", key, c->name);
}

static int
set_column_key(struct fb_profile *p, struct fb_profile_column *c, const char *key,
	       const char *value, long line, char *why, size_t whylen)
{
	const char *kind = c->kind == FB_PK_COLUMN ? "column" : c->kind == FB_PK_FLAG ? "flag"
										     : "count";
	int code;

	(void)p;
	if (strcmp(key, "header") == 0) {
		if (*value == '\0')
			return fb_why(why, whylen, "header is blank");
		return set_string(&c->header, value, key, why, whylen);
	}
	if (strcmp(key, "alias") == 0 || strcmp(key, "aliases") == 0) {
		const char *item;
		size_t len;

		while (next_item(&value, &item, &len)) {
			if (len == 0)
				continue;
			fb_grow_to((void **)&c->alias, &(size_t){ c->nalias }, c->nalias + 1,
				   sizeof(*c->alias));
			c->alias[c->nalias++] = fb_xstrndup(item, len);
		}
		return 0;
	}
	if (strcmp(key, "pattern") == 0) {
		int rc;

		if (c->pattern)
			return fb_why(why, whylen, "pattern is given twice");
		if ((rc = regcomp(&c->re, value, REG_EXTENDED | REG_ICASE | REG_NOSUB)) != 0) {
			char err[128];

			regerror(rc, &c->re, err, sizeof(err));
			return fb_why(why, whylen, "pattern '%s' is not a pattern: %s", value, err);
		}
		c->pattern = fb_xstrdup(value);
		return 0;
	}
	if (c->kind == FB_PK_COUNT)
		return set_count_key(c, key, value, why, whylen);
	if (c->kind == FB_PK_APPROVED)
		return fb_why(why, whylen, "unknown key '%s' in [approved]; the keys are header, "
			      "alias and pattern", key);
	if (strcmp(key, "drop") == 0)
		return add_values(c, value, FB_PA_DROP, FB_NONE, FB_NONE, line, why, whylen);
	if (strcmp(key, "keep") == 0)
		return add_values(c, value, FB_PA_KEEP, FB_NONE, FB_NONE, line, why, whylen);
	if (strncmp(key, "value ", 6) == 0 && c->kind == FB_PK_COLUMN) {
		const char *code_name = key + 6;

		while (*code_name == ' ')
			code_name++;
		if (code_of(c->field, code_name, &code, why, whylen) != 0)
			return -1;
		return add_values(c, value, FB_PA_VALUE, c->field, code, line, why, whylen);
	}
	if (strncmp(key, "set ", 4) == 0) {
		char fname[64];
		const char *sp, *code_name = key + 4;
		int field;

		while (*code_name == ' ')
			code_name++;
		sp = strchr(code_name, ' ');
		if (!sp || (size_t)(sp - code_name) >= sizeof(fname))
			return fb_why(why, whylen, "'%s' is not 'set COLUMN CODE'", key);
		memcpy(fname, code_name, (size_t)(sp - code_name));
		fname[sp - code_name] = '\0';
		while (*sp == ' ')
			sp++;
		field = field_named(fname, strlen(fname));
		if (field == FB_NONE)
			return fb_why(why, whylen, "'%s' is not a column of the standard", fname);
		if (field == c->field)
			return fb_why(why, whylen, "use 'value %s' to map [column %s] itself", sp,
				      c->name);
		if (code_of(field, sp, &code, why, whylen) != 0)
			return -1;
		return add_values(c, value, FB_PA_SET, field, code, line, why, whylen);
	}
	return fb_why(why, whylen, "unknown key '%s' in [%s %s]; the keys are header, alias, "
		      "pattern, %sset COLUMN CODE, keep and drop", key, kind, c->name,
		      c->kind == FB_PK_COLUMN ? "value CODE, " : "");
}

int
fb_profile_set(struct fb_profile *p, const char *section, const char *key, const char *value,
	       long line, char *why, size_t whylen)
{
	struct fb_profile_column *c;
	char trimmed[256];
	size_t len = strlen(section);

	/* As the section line's reader names it: spaces inside the brackets trimmed. */
	fb_trim(&section, &len);
	if (len >= sizeof(trimmed))
		len = sizeof(trimmed) - 1;
	memcpy(trimmed, section, len);
	trimmed[len] = '\0';
	section = trimmed;
	if (*section == '\0')
		return fb_why(why, whylen, "'%s' comes before any [section]", key);
	if (strcmp(section, "profile") == 0)
		return set_profile_key(p, key, value, line, why, whylen);
	if (strcmp(section, "constant") == 0)
		return set_constant(p, key, value, line, why, whylen);
	if ((c = column_of(p, section)) == NULL) {
		if (fb_profile_section(p, section, line, why, whylen) != 0)
			return -1;
		c = column_of(p, section);
	}
	return set_column_key(p, c, key, value, line, why, whylen);
}

/* Header spellings */

/* One way column c can be headed, for comparing profiles' columns. */
static int
same_heading(const char *a, const char *b)
{
	char x[256], y[256];

	fb_profile_squash(a, strlen(a), x, sizeof(x));
	fb_profile_squash(b, strlen(b), y, sizeof(y));
	return strcmp(x, y) == 0;
}

/* The spelling of c that b's spelling s also is, or NULL. */
static const char *
shared_heading(const struct fb_profile_column *c, const char *s)
{
	if (c->header && same_heading(c->header, s))
		return c->header;
	for (size_t i = 0; i < c->nalias; i++)
		if (same_heading(c->alias[i], s))
			return c->alias[i];
	if (c->pattern && regexec(&c->re, s, 0, NULL, 0) == 0)
		return s;
	return NULL;
}

const char *
fb_profile_section_name(const struct fb_profile_column *c, char *buf, size_t size)
{
	switch (c->kind) {
	case FB_PK_COLUMN:
		snprintf(buf, size, "[column %s]", c->name);
		break;
	case FB_PK_FLAG:
		snprintf(buf, size, "[flag %s]", c->name);
		break;
	case FB_PK_COUNT:
		snprintf(buf, size, "[count %s]", c->name);
		break;
	default:
		snprintf(buf, size, "[approved]");
	}
	return buf;
}

/* The first of p's status_from and status_to sections. */
static size_t
episode_first(const struct fb_profile *p)
{
	for (size_t i = 0; i < p->ncols; i++)
		if (episode_column(&p->col[i]))
			return i;
	return 0;
}

static int
column_for(const struct fb_profile *p, int field)
{
	for (size_t i = 0; i < p->ncols; i++)
		if (p->col[i].kind == FB_PK_COLUMN && p->col[i].field == field)
			return (int)i;
	return -1;
}

int
fb_profile_set_anywhere(const struct fb_profile *p, int field)
{
	for (size_t i = 0; i < p->ncols; i++)
		for (size_t k = 0; k < p->col[i].nvalues; k++)
			if (p->col[i].values[k].action == FB_PA_SET &&
			    p->col[i].values[k].field == field)
				return 1;
	return 0;
}

/*
 * An episode profile: what does not apply to episodes is refused on its own
 * line.  An episode carries its dates in status_from and status_to, and is
 * one bed's status over those dates, so neither a snapshot_date (a column, a
 * constant or the file name) nor a household's counts can make one.
 */
static int
episode_rules(const struct fb_profile *p, long *line, char *why, size_t whylen)
{
	char s1[300];
	int from = 0, to = 0;

	if (!p->episodes)
		return 0;
	for (size_t i = 0; i < p->ncols; i++) {
		const struct fb_profile_column *c = &p->col[i];

		*line = c->line;
		if (c->kind == FB_PK_COUNT || c->kind == FB_PK_APPROVED)
			return fb_why(why, whylen, "%s: household expansion does not apply to "
				      "episode files (this profile reads episodes: [column %s] on "
				      "line %ld); an episode is one bed's status over dates, so "
				      "export one row per bed and episode",
				      fb_profile_section_name(c, s1, sizeof(s1)),
				      p->col[episode_first(p)].name, p->episodes_line);
		if (c->kind == FB_PK_COLUMN && c->field == FB_F_SNAPSHOT_DATE &&
		    !episode_column(c))
			return fb_why(why, whylen, "[column snapshot_date]: this profile reads "
				      "episode files ([column %s] on line %ld), which have "
				      "status_from and status_to in place of snapshot_date; map "
				      "the export's start date as [column status_from]",
				      p->col[episode_first(p)].name, p->episodes_line);
		if (c->kind == FB_PK_COLUMN && c->field == FB_F_SNAPSHOT_DATE) {
			if (from++)
				return fb_why(why, whylen, "[column status_from] is given twice");
		}
		to += c->kind == FB_PK_COLUMN && c->field == FB_EP_STATUS_TO;
	}
	if (p->constant[FB_F_SNAPSHOT_DATE]) {
		*line = p->constant_line[FB_F_SNAPSHOT_DATE];
		return fb_why(why, whylen, "constant snapshot_date does not apply to episode "
			      "files (this profile reads episodes: [column %s] on line %ld); "
			      "each episode's own dates are status_from and status_to",
			      p->col[episode_first(p)].name, p->episodes_line);
	}
	if (p->name_pattern) {
		*line = p->name_pattern_line;
		return fb_why(why, whylen, "snapshot_date_from_name does not apply to episode "
			      "files (this profile reads episodes: [column %s] on line %ld); "
			      "each episode's own dates are status_from and status_to, read "
			      "from its row", p->col[episode_first(p)].name, p->episodes_line);
	}
	*line = p->episodes_line;
	if (!from || !to)
		return fb_why(why, whylen, "an episode profile (spec/bed-episodes.md) needs both "
			      "[column status_from] and [column status_to]: nothing gives %s",
			      from ? "status_to" : "status_from");
	return 0;
}

int
fb_profile_finish(struct fb_profile *p, long *line, char *why, size_t whylen)
{
	static const int required[] = { FB_F_LA_CODE, FB_F_SNAPSHOT_DATE, FB_F_HOUSEHOLD_ID,
					FB_F_BED_ID, FB_F_BED_USE, FB_F_STATUS };
	char s1[300], s2[300];
	int has_approved = 0;

	*line = 0;
	if (episode_rules(p, line, why, whylen) != 0)
		return -1;
	for (size_t i = 0; i < p->ncols; i++) {
		struct fb_profile_column *c = &p->col[i];

		*line = c->line;
		if (!c->header && !c->nalias && !c->pattern)
			return fb_why(why, whylen, "%s says nothing of how the export heads the "
				      "column: give header, alias or pattern",
				      fb_profile_section_name(c, s1, sizeof(s1)));
		if (c->kind == FB_PK_COLUMN && c->field < FB_F_COUNT && p->constant[c->field])
			return fb_why(why, whylen, "%s is also a constant (line %ld): give one",
				      fb_profile_section_name(c, s1, sizeof(s1)),
				      p->constant_line[c->field]);
		if (c->kind == FB_PK_COLUMN && c->field == FB_F_SNAPSHOT_DATE && p->name_pattern)
			return fb_why(why, whylen, "[column snapshot_date] and "
				      "snapshot_date_from_name (line %ld) both give the date: "
				      "give one", p->name_pattern_line);
		if (c->kind == FB_PK_FLAG && !c->mapped)
			return fb_why(why, whylen, "%s maps no value: give set COLUMN CODE "
				      "(and keep) lines", fb_profile_section_name(c, s1, sizeof(s1)));
		if (c->kind == FB_PK_COUNT) {
			if (c->status == FB_NONE)
				return fb_why(why, whylen, "%s gives no status for the beds it "
					      "counts", fb_profile_section_name(c, s1, sizeof(s1)));
			if (c->status == FB_ST_UNAVAILABLE && c->unavailable_reason == FB_NONE)
				return fb_why(why, whylen, "%s counts unavailable beds, so it needs "
					      "unavailable_reason (the reason each expanded bed gets)",
					      fb_profile_section_name(c, s1, sizeof(s1)));
			if (c->bed_use == FB_NONE)
				c->bed_use = FB_USE_MAINSTREAM;
		}
		has_approved |= c->kind == FB_PK_APPROVED;
		if (p->expand && c->kind == FB_PK_FLAG)
			return fb_why(why, whylen, "%s: a profile with [count] sections (one row "
				      "per household) cannot have flags",
				      fb_profile_section_name(c, s1, sizeof(s1)));
		if (p->expand && c->kind == FB_PK_COLUMN && c->field != FB_F_LA_CODE &&
		    c->field != FB_F_SNAPSHOT_DATE && c->field != FB_F_HOUSEHOLD_ID)
			return fb_why(why, whylen, "%s: with [count] sections (one row per "
				      "household) the beds' %s comes from the counts; only "
				      "la_code, snapshot_date and household_id are read as columns",
				      fb_profile_section_name(c, s1, sizeof(s1)), c->name);
		/* A header that two columns would both read. */
		for (size_t j = 0; j < i; j++) {
			const struct fb_profile_column *o = &p->col[j];
			const char *shared = NULL;

			if (c->header)
				shared = shared_heading(o, c->header);
			for (size_t k = 0; !shared && k < c->nalias; k++)
				shared = shared_heading(o, c->alias[k]);
			if (!shared && o->header && c->pattern &&
			    regexec(&c->re, o->header, 0, NULL, 0) == 0)
				shared = o->header;
			for (size_t k = 0; !shared && c->pattern && k < o->nalias; k++)
				if (regexec(&c->re, o->alias[k], 0, NULL, 0) == 0)
					shared = o->alias[k];
			if (shared)
				return fb_why(why, whylen, "the header '%s' is mapped twice: by %s "
					      "(line %ld) and %s", shared,
					      fb_profile_section_name(o, s2, sizeof(s2)), o->line,
					      fb_profile_section_name(c, s1, sizeof(s1)));
		}
	}
	*line = 0;
	if (has_approved && !p->expand)
		return fb_why(why, whylen, "[approved] checks a household's counts, but the "
			      "profile has no [count] section");
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
		int f = required[i];

		if (p->expand && f != FB_F_LA_CODE && f != FB_F_SNAPSHOT_DATE &&
		    f != FB_F_HOUSEHOLD_ID)
			continue;
		if (column_for(p, f) >= 0 || p->constant[f] ||
		    (f == FB_F_SNAPSHOT_DATE && p->name_pattern) || fb_profile_set_anywhere(p, f))
			continue;
		return fb_why(why, whylen, "nothing gives %s: add a [column %s] section%s",
			      fb_fields[f].name, fb_fields[f].name,
			      f == FB_F_LA_CODE ? ", or la_code in [constant]"
			      : f == FB_F_SNAPSHOT_DATE ? ", snapshot_date in [constant], or "
							  "snapshot_date_from_name in [profile]"
			      : "");
	}
	p->finished = 1;
	return 0;
}
