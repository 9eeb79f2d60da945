/*
 * writer-html.c: one self-contained HTML page, to read, print or email.
 *
 * Self-contained means nothing is fetched: no script, no external font,
 * image or stylesheet, no url() at all (a Content-Security-Policy says so
 * too), so the page is the same offline, in any browser and on paper.  The
 * CSS is one <style> block with system fonts; the charts are inline SVG
 * drawn here, each with a <title> and a <desc> that lists its values.
 *
 * Every string that may have come from input (file names, region names,
 * finding values and messages) is written through esc(), and so, for
 * simplicity, is every other string.
 *
 * Geometry is integer: a bar's length is its count or its rate in tenths
 * (figures.h) scaled by integer division, and every figure shown is
 * fb_pct_format()'s, so the page agrees with the CSV to the digit.
 */
#include "fosterbeds/writer.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "fosterbeds/date.h"
#include "fosterbeds/figures.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/la.h"
#include "fosterbeds/standard.h"
#include "util.h"

/* Okabe-Ito: told apart with every common colour-vision deficiency. */
#define C_FILLED "#0072B2"
#define C_EXCL "#56B4E9"
#define C_VACANT "#E69F00"
#define C_UNAVAILABLE "#CC79A7"
#define C_SUBMITTED "#E69F00"
#define C_ERROR "#D55E00"
#define C_WARNING "#F0E442"

#define DASH "\xe2\x80\x93"   /* an en dash: a value that does not exist */

/* Every chart is 800 units wide: at A4 print width 14-unit text is about 9pt. */
#define VB_W 800
#define TOP 30          /* room above the first bar for the region markers */
#define PAIR_H 32       /* a row of two bars */
#define STACK_H 26      /* a row of one stacked bar */
#define COUNT_H 40      /* a row of the findings charts: name above, bar below */
#define GAP 14          /* between the LAs and the pooled rows */
#define LABEL_PAD 8

static const char css[] =
	"@page{size:A4;margin:14mm 12mm}\n"
	"*{box-sizing:border-box}\n"
	"html{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\","
	"Arial,\"Liberation Sans\",sans-serif;color:#1b1b1b;background:#fff;"
	"-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"body{margin:0;font-size:15px;line-height:1.45}\n"
	"main{max-width:1100px;margin:0 auto;padding:28px 28px 40px}\n"
	".masthead{border-bottom:3px solid #1b1b1b;padding-bottom:12px;margin-bottom:20px}\n"
	".kicker{margin:0;font-size:13px;font-weight:600;letter-spacing:.08em;"
	"text-transform:uppercase;color:#545454}\n"
	"h1{font-size:30px;line-height:1.15;margin:2px 0 10px}\n"
	"h2{font-size:21px;margin:34px 0 8px;padding-bottom:4px;border-bottom:1px solid #c8c8c8}\n"
	"h3{font-size:16px;margin:0 0 6px}\n"
	".meta{display:flex;flex-wrap:wrap;gap:2px 24px;margin:0;font-size:14px;color:#454545}\n"
	".meta dt{display:inline;font-weight:600;color:#1b1b1b}\n"
	".meta dd{display:inline;margin:0 0 0 6px}\n"
	".lead{margin:0 0 10px;color:#454545;font-size:14px}\n"
	".region-headline{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;"
	"margin:6px 0 8px}\n"
	".stat{display:flex;flex-direction:column;background:#f2f4f6;border-top:5px solid "
	"var(--c,#1b1b1b);padding:10px 14px 12px;overflow-wrap:anywhere}\n"
	".stat .label{margin:0;min-height:2.9em;font-size:14px;font-weight:600}\n"
	".stat .value{margin:2px 0 4px;font-size:42px;font-weight:700;line-height:1.1;"
	"font-variant-numeric:tabular-nums}\n"
	".stat .value small{font-size:24px;font-weight:600;margin-left:1px}\n"
	".stat .explain{margin:0;font-size:13.5px;color:#2e2e2e}\n"
	".stat .change{margin:auto 0 0;padding-top:6px;font-size:13px;color:#454545}\n"
	".warn{border-left:5px solid #D55E00;background:#fdf0e8;padding:8px 12px;margin:12px 0}\n"
	"figure.chart{margin:22px 0 28px;break-inside:avoid;page-break-inside:avoid}\n"
	"figure.chart svg{display:block;width:100%;height:auto;max-width:920px}\n"
	"figcaption .t{margin:0;font-size:16px;font-weight:700}\n"
	"figcaption p{margin:2px 0 4px;font-size:13.5px;color:#454545}\n"
	".legend{list-style:none;display:flex;flex-wrap:wrap;gap:2px 20px;margin:4px 0 8px;"
	"padding:0;font-size:13.5px}\n"
	".legend li{display:flex;align-items:center;gap:7px}\n"
	".sw{display:inline-block;width:15px;height:15px;border:1px solid rgba(0,0,0,.3)}\n"
	".sw.hatch{background-image:repeating-linear-gradient(45deg,transparent 0 3px,"
	"rgba(255,255,255,.8) 3px 5px)}\n"
	".sw.line{width:0;height:18px;border:0;border-left:2px solid #1b1b1b}\n"
	".sw.dash{border-left-style:dashed}\n"
	".table-wrap{overflow-x:auto}\n"
	"table{border-collapse:collapse;width:100%;margin:8px 0 18px;font-size:13px;"
	"font-variant-numeric:tabular-nums}\n"
	"th,td{padding:4px 6px;border-bottom:1px solid #e1e1e1;text-align:left;vertical-align:top}\n"
	"thead th{vertical-align:bottom;border-bottom:2px solid #1b1b1b;font-weight:600}\n"
	"thead tr.groups th{border-bottom:1px solid #8a8a8a;text-align:center;font-size:12.5px;"
	"color:#454545}\n"
	"thead tr.groups th:empty{border-bottom:0}\n"
	".num{text-align:right}\n"
	"td.num,table.report td,table.reconcile td,table.ofsted td:first-child{white-space:nowrap}\n"
	"td.na{color:#6a6a6a}\n"
	"tbody tr:nth-child(even){background:#f8f8f8}\n"
	"tbody.pooled tr{background:#e6eef5}\n"
	"tbody.pooled tr:first-child td{border-top:2px solid #1b1b1b}\n"
	"tr.region td{font-weight:700}\n"
	"tfoot td{font-weight:700;border-top:2px solid #1b1b1b}\n"
	"code{font-family:ui-monospace,\"SFMono-Regular\",Menlo,Consolas,\"Liberation Mono\","
	"monospace;font-size:.92em;background:#f2f2f2;padding:0 3px;overflow-wrap:break-word}\n"
	".sev-error{color:#9c3400;font-weight:700}\n"
	".sev-warning{color:#5e5000;font-weight:700}\n"
	".cards{display:grid;grid-template-columns:1fr 1fr;gap:14px}\n"
	".card{border:1px solid #cfcfcf;padding:10px 12px;break-inside:avoid;"
	"page-break-inside:avoid}\n"
	".card.region{grid-column:1/-1;border:2px solid #1b1b1b;background:#f6f8fa}\n"
	".card table{margin:4px 0 8px;font-size:13px}\n"
	".card ol{margin:4px 0 0;padding-left:20px;font-size:13.5px}\n"
	".note{font-size:13.5px;color:#454545}\n"
	"dl.defs dt{font-weight:700;margin-top:6px}\n"
	"dl.defs dd{margin:0 0 0 0}\n"
	"footer{margin-top:36px;border-top:1px solid #c8c8c8;padding-top:8px;font-size:12.5px;"
	"color:#545454}\n"
	"svg text{font-family:inherit;fill:#1b1b1b}\n"
	"svg .lab{font-size:14px}\n"
	"svg .lab.pooled,svg .head{font-weight:700}\n"
	"svg .head{font-size:15px}\n"
	"svg .sub{font-size:12.5px;fill:#454545}\n"
	"svg .val{font-size:12.5px}\n"
	"svg .values .val{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}\n"
	"svg .tick{font-size:12px;fill:#545454}\n"
	"svg .grid{stroke:#dcdcdc;stroke-width:1}\n"
	"svg .axis{stroke:#6a6a6a;stroke-width:1}\n"
	"svg .sep{stroke:#1b1b1b;stroke-width:1.5}\n"
	"svg .frame{fill:none;stroke:#8a8a8a;stroke-width:.8}\n"
	"svg .hatch{fill:none;stroke:#fff;stroke-width:1.6;stroke-opacity:.8}\n"
	"svg .mark{stroke:#1b1b1b;stroke-width:2}\n"
	"svg .mark.dash{stroke-dasharray:5 3}\n"
	"svg .on{font-size:12.5px;font-weight:600;paint-order:stroke;stroke-width:3px;"
	"stroke-linejoin:round}\n"
	"svg .on0{fill:#fff;stroke:" C_FILLED "}\n"
	"svg .on1{fill:#000;stroke:" C_VACANT "}\n"
	"svg .on2{fill:#000;stroke:" C_UNAVAILABLE "}\n"
	"@media screen and (max-width:820px){\n"
	".region-headline{grid-template-columns:repeat(2,minmax(0,1fr))}\n"
	".cards{grid-template-columns:1fr}\n"
	"main{padding:20px 14px 32px}\n"
	"}\n"
	".multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px 20px;margin:0;padding:0;list-style:none}\n"
	".multiples figure{margin:0}\n"
	".multiples figcaption{font-weight:600;font-size:10pt;margin:0 0 2px}\n"
	".multiples svg{width:100%;height:auto}\n"
	".multiples svg .tick,.multiples svg .val{font-size:11px}\n"
	".multiples svg .val{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}\n"
	"svg .trend-la{fill:none;stroke:" C_FILLED ";stroke-width:2.5}\n"
	"svg .trend-region{fill:none;stroke:#555;stroke-width:1.5;stroke-dasharray:5 3}\n"
	"@media print{\n"
	"body{font-size:10pt}\n"
	"main{max-width:none;padding:0}\n"
	"h1{font-size:20pt}\n"
	"h2{font-size:14pt}\n"
	/* Keep each heading, lead and caption on the page of what it introduces. */
	"h1,h2,h3,.lead,figcaption,dl.defs dt{break-after:avoid;page-break-after:avoid}\n"
	"h2,h3{break-inside:avoid;page-break-inside:avoid}\n"
	"p,li,dd{orphans:3;widows:3}\n"
	".region-headline,.stat,.multiples li,figure,svg{break-inside:avoid;"
	"page-break-inside:avoid}\n"
	".stat{padding:6px 8px 8px}\n"
	".stat .label{font-size:9pt}\n"
	".stat .value{font-size:22pt}\n"
	".stat .explain,.legend,figcaption p,.note{font-size:8.5pt}\n"
	"table{font-size:8pt}\n"
	"th,td{padding:2px 3px}\n"
	"table.report td,table.reconcile td{white-space:normal}\n"
	"table.reconcile,table.ofsted{font-size:7.5pt}\n"
	"td.num{white-space:nowrap}\n"
	"tr{break-inside:avoid;page-break-inside:avoid}\n"
	"thead{display:table-header-group}\n"
	".table-wrap{overflow:visible}\n"
	"figure.chart svg{max-width:100%}\n"
	"section.snapshot{break-before:page;page-break-before:always}\n"
	"section.snapshot.first{break-before:auto;page-break-before:auto}\n"
	"}\n";

/* Text */

/* Every piece of text goes out through here. */
static void
esc(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*s, out);
		}
	}
}

/* s with commas between thousands when it is a whole number, else s itself. */
static const char *
grouped(const char *s, char buf[FB_CELL_BUF])
{
	size_t sign = s[0] == '-', digits = strlen(s) - sign;
	char *p = buf;

	if (digits < 4 || digits > 19 || strspn(s + sign, "0123456789") != digits)
		return s;
	if (sign)
		*p++ = '-';
	for (size_t i = 0; i < digits; i++) {
		if (i && (digits - i) % 3 == 0)
			*p++ = ',';
		*p++ = s[sign + i];
	}
	*p = '\0';
	return buf;
}

static const char *
count_text(long v, char buf[FB_CELL_BUF])
{
	char raw[FB_CELL_BUF];

	snprintf(raw, sizeof(raw), "%ld", v);
	if (grouped(raw, buf) == raw)
		memcpy(buf, raw, sizeof(raw));
	return buf;
}

static void
count(FILE *out, long v)
{
	char buf[FB_CELL_BUF];

	fputs(count_text(v, buf), out);
}

/* A rate for reading: "62.8%", or a dash when it has no value. */
static void
pct(FILE *out, long tenths)
{
	char buf[FB_PCT_BUF];

	if (tenths == FB_PCT_NONE)
		fputs(DASH, out);
	else
		fprintf(out, "%s%%", fb_pct_format(tenths, buf));
}

/* A difference in percentage points, signed: "+6.0 pp". */
static void
pp(FILE *out, long tenths)
{
	char buf[FB_PCT_BUF];

	if (tenths == FB_PCT_NONE)
		fputs(DASH, out);
	else
		fprintf(out, "%s%s pp", tenths > 0 ? "+" : "", fb_pct_format(tenths, buf));
}

static const char *
plural(long n)
{
	return n == 1 ? "" : "s";
}

/* Page */

static void
page_open(FILE *out, const char *title, const char *name)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"fosterbeds " FB_TOOL_VERSION "\">\n<title>", out);
	esc(out, title);
	if (name) {
		fputs(": ", out);
		esc(out, name);
	}
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", css);
}

static void
page_close(FILE *out)
{
	fputs("<footer>Made by fosterbeds " FB_TOOL_VERSION " to the regional bed-record "
	      "standard " FB_SPEC_VERSION ". Nothing in this page was fetched from anywhere, "
	      "and no child's reference appears in it.</footer>\n</main>\n</body>\n</html>\n",
	      out);
}

static void
masthead_open(FILE *out, const char *kicker, const char *name)
{
	fputs("<header class=\"masthead\">\n<p class=\"kicker\">", out);
	esc(out, kicker);
	fputs("</p>\n<h1>", out);
	esc(out, name);
	fputs("</h1>\n<dl class=\"meta\">\n", out);
}

static void
meta_open(FILE *out, const char *term)
{
	fputs("<div><dt>", out);
	esc(out, term);
	fputs("</dt><dd>", out);
}

static void
meta(FILE *out, const char *term, const char *value)
{
	meta_open(out, term);
	esc(out, value);
	fputs("</dd></div>\n", out);
}

static void
masthead_close(FILE *out)
{
	meta(out, "Standard", "regional bed-record standard " FB_SPEC_VERSION);
	meta(out, "Tool", "fosterbeds " FB_TOOL_VERSION);
	fputs("</dl>\n</header>\n", out);
}

/* A headline figure; the caller writes its explanation, then stat_close(). */
static void
stat_open(FILE *out, const char *id, const char *colour, const char *label, long tenths)
{
	char buf[FB_PCT_BUF];

	fprintf(out, "<div class=\"stat\" id=\"%s\" style=\"--c:%s\" data-value=\"%s\">"
		"<p class=\"label\">", id, colour, fb_pct_format(tenths, buf));
	esc(out, label);
	fputs("</p><p class=\"value\">", out);
	if (tenths == FB_PCT_NONE)
		fputs(DASH, out);
	else
		fprintf(out, "%s<small>%%</small>", buf);
	fputs("</p><p class=\"explain\">", out);
}

static void
stat_close(FILE *out)
{
	fputs("</p></div>\n", out);
}

/* Tables */

struct col_group {
	const char *label;
	int span;
};

/*
 * A table of cells from the shared column functions: text columns (the
 * first ntext) to the left, numbers to the right, and pooled rows in a
 * tbody of their own so they stand apart however the rows are ordered.
 */
struct table {
	const char *cls;
	const char *const *headings;
	const size_t *columns;       /* which cells to show, by index */
	size_t ncols, ntext, nrows;
	const struct col_group *groups;  /* a heading row above, or NULL */
	size_t ngroups;
	const char *(*cellf)(const void *ctx, size_t r, size_t i, char *buf, int *num);
	int (*pooled)(const void *ctx, size_t r);
	const void *ctx;
	size_t hide;         /* a text column of the first group left out, or ncols */
};

static void
table_head(FILE *out, const struct table *t)
{
	fputs("<thead>\n", out);
	if (t->groups) {
		fputs("<tr class=\"groups\">", out);
		for (size_t g = 0; g < t->ngroups; g++) {
			fprintf(out, "<th colspan=\"%d\" scope=\"colgroup\">",
				t->groups[g].span - (g == 0 && t->hide < t->ncols));
			esc(out, t->groups[g].label);
			fputs("</th>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("<tr>", out);
	for (size_t i = 0; i < t->ncols; i++) {
		if (i == t->hide)
			continue;
		fputs(i < t->ntext ? "<th scope=\"col\">" : "<th scope=\"col\" class=\"num\">", out);
		esc(out, t->headings[i]);
		fputs("</th>", out);
	}
	fputs("</tr>\n</thead>\n", out);
}

static void
table_row(FILE *out, const struct table *t, size_t r, int pooled)
{
	char buf[FB_CELL_BUF], group[FB_CELL_BUF];
	int num;

	fputs(pooled ? "<tr class=\"region\">" : "<tr>", out);
	for (size_t i = 0; i < t->ncols; i++) {
		const char *v;

		if (i == t->hide)
			continue;
		v = t->cellf(t->ctx, r, t->columns[i], buf, &num);
		if (i < t->ntext) {
			fputs("<td>", out);
			esc(out, v);
		} else if (!*v) {
			fputs("<td class=\"num na\">" DASH, out);
		} else {
			fputs("<td class=\"num\">", out);
			esc(out, num ? grouped(v, group) : v);
		}
		fputs("</td>", out);
	}
	fputs("</tr>\n", out);
}

static void
table(FILE *out, const struct table *t)
{
	int was = 0;

	fprintf(out, "<div class=\"table-wrap\"><table class=\"%s\">\n", t->cls);
	table_head(out, t);
	fputs("<tbody>\n", out);
	for (size_t r = 0; r < t->nrows; r++) {
		int p = t->pooled(t->ctx, r);

		if (p != was)
			fputs(p ? "</tbody>\n<tbody class=\"pooled\">\n" : "</tbody>\n<tbody>\n",
			      out);
		table_row(out, t, r, p);
		was = p;
	}
	fputs("</tbody>\n</table></div>\n", out);
}

/* Charts */

/* A legend entry: kind is "", "hatch", "line" or "line dash". */
struct key {
	const char *kind;
	const char *colour;
	const char *name;    /* from input, or NULL: written before text */
	const char *text;
};

static void
figure_open(FILE *out, const char *cls, const char *title, const char *note)
{
	fprintf(out, "<figure class=\"chart %s\">\n<figcaption><p class=\"t\">", cls);
	esc(out, title);
	fputs("</p>", out);
	if (note) {
		fputs("<p>", out);
		esc(out, note);
		fputs("</p>", out);
	}
}

/* The legend, and the end of the caption. */
static void
legend(FILE *out, const struct key *k, size_t n)
{
	fputs("<ul class=\"legend\">", out);
	for (size_t i = 0; i < n; i++) {
		int line = strncmp(k[i].kind, "line", 4) == 0;

		fprintf(out, "<li><span class=\"sw %s\" style=\"%s:%s\"></span><span>", k[i].kind,
			line ? "border-color" : "background-color", k[i].colour);
		if (k[i].name)
			esc(out, k[i].name);
		esc(out, k[i].text);
		fputs("</span></li>", out);
	}
	fputs("</ul></figcaption>\n", out);
}

/* Opens the <svg> and its <desc>, which the caller fills and closes. */
static void
svg_open(FILE *out, const char *id, int height, const char *title)
{
	fprintf(out, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
		"aria-labelledby=\"%s-t %s-d\">\n<title id=\"%s-t\">", VB_W, height, VB_W, height,
		id, id, id);
	esc(out, title);
	fprintf(out, "</title>\n<desc id=\"%s-d\">", id);
}

static void
text(FILE *out, int x, int y, const char *cls, const char *anchor, const char *s)
{
	fprintf(out, "<text class=\"%s\" x=\"%d\" y=\"%d\"%s%s%s>", cls, x, y,
		anchor ? " text-anchor=\"" : "", anchor ? anchor : "", anchor ? "\"" : "");
	esc(out, s);
	fputs("</text>", out);
}

static void
rect(FILE *out, int x, int y, int w, int h, const char *colour)
{
	if (w > 0)
		fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", x,
			y, w, h, colour);
}

/*
 * White diagonal stripes over a rectangle: respite/emergency beds.  Drawn
 * as clipped lines rather than a <pattern>, which would need url(); the
 * stripes keep a fixed phase so neighbouring segments line up.
 */
static void
hatch(FILE *out, int x, int y, int w, int h)
{
	const int step = 5;
	int k = x - h - (((x - h) % step) + step) % step;

	if (w <= 0)
		return;
	fputs("<path class=\"hatch\" d=\"", out);
	for (; k < x + w; k += step) {
		int x0 = k, y0 = y + h, x1 = k + h, y1 = y;

		if (x0 < x) {
			y0 -= x - x0;
			x0 = x;
		}
		if (x1 > x + w) {
			y1 += x1 - (x + w);
			x1 = x + w;
		}
		if (x1 > x0)
			fprintf(out, "M%d %dL%d %d", x0, y0, x1, y1);
	}
	fputs("\"/>", out);
}

/* Gridlines at every quarter of a 0-100% scale, labelled below. */
static void
grid(FILE *out, int x, int w, int y0, int y1)
{
	char tick[8];

	for (int q = 0; q <= 4; q++) {
		int gx = x + w * q / 4;

		fprintf(out, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
			q ? "grid" : "axis", gx, y0, gx, y1);
		snprintf(tick, sizeof(tick), "%d%%", q * 25);
		text(out, gx, y1 + 17, "tick", "middle", tick);
	}
	fputc('\n', out);
}

/* The length of a rate of tenths on a 0-100% bar of width w. */
static int
bar_len(long tenths, int w)
{
	if (tenths == FB_PCT_NONE || tenths <= 0)
		return 0;
	return (int)((tenths > 1000 ? 1000 : tenths) * w / 1000);
}

/* An LA's name, or its code when the LA table does not know it, so no bar goes unlabelled. */
static const char *
la_label(const char *name, int la_code, char buf[16])
{
	if ((name && *name) || la_code == FB_LA_ALL)
		return name ? name : "";
	snprintf(buf, 16, "LA %03d", la_code);
	return buf;
}

static void
la_attr(FILE *out, int la_code)
{
	if (la_code == FB_LA_ALL)
		fputs(" data-la=\"ALL\"", out);
	else
		fprintf(out, " data-la=\"%03d\"", la_code);
}

/*
 * Label widths are guessed from the longest name, at about 8.2 units a
 * character of 14-unit text (wide system fonts such as DejaVu Sans need
 * that), so a short name leaves no wide margin and a long one is not cut.
 */
/* A label's length for label_width(): pooled rows are bold, about an eighth wider. */
static size_t
label_chars(const char *name, int pooled)
{
	size_t len = strlen(name);

	return pooled ? len + (len + 7) / 8 : len;
}

static int
label_width(size_t longest)
{
	int w = (int)longest * 82 / 10;

	return w < 110 ? 110 : w > 300 ? 300 : w;
}

/* How many times the rows switch from LAs to pooled rows. */
static int
nbreaks(int (*pooled)(const void *, size_t), const void *ctx, size_t n)
{
	int breaks = 0, was = 0;

	for (size_t r = 0; r < n; r++) {
		int p = pooled(ctx, r);

		breaks += p && !was && r > 0;
		was = p;
	}
	return breaks;
}

static void
separator(FILE *out, int y)
{
	fprintf(out, "<line class=\"sep\" x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", y, VB_W, y);
}

/* Paired bars: two rates per row, on a 0-100% scale */

struct pair_row {
	const char *name;
	int la_code;
	long v[2];           /* tenths, FB_PCT_NONE when undefined */
	char buf[16];        /* room for a name the getter composes */
};

struct pair_chart {
	const char *id, *title, *row_class;
	const char *series[2], *colour[2];
	size_t n;            /* rows, pooled ones included */
	void (*get)(const void *ctx, size_t r, struct pair_row *out);
	int (*pooled)(const void *ctx, size_t r);
	const void *ctx;
};

static void
pair_desc(FILE *out, const struct pair_chart *c)
{
	char a[FB_PCT_BUF], b[FB_PCT_BUF];

	esc(out, c->title);
	fprintf(out, ". Per row, %s then %s, in percent: ", c->series[0], c->series[1]);
	for (size_t r = 0; r < c->n; r++) {
		struct pair_row p;

		c->get(c->ctx, r, &p);
		esc(out, p.name);
		fprintf(out, " %s, %s%s", p.v[0] == FB_PCT_NONE ? "none" : fb_pct_format(p.v[0], a),
			p.v[1] == FB_PCT_NONE ? "none" : fb_pct_format(p.v[1], b),
			r + 1 < c->n ? "; " : ".");
	}
	fputs("</desc>\n", out);
}

/* A row's label and bars, in a group per row for tests and styling. */
static void
pair_bars(FILE *out, const struct pair_chart *c, const struct pair_row *p, int y, int px, int pw)
{
	int pooled = p->la_code == FB_LA_ALL;

	fprintf(out, "<g class=\"%s\"", pooled ? "region-bar" : c->row_class);
	la_attr(out, p->la_code);
	fputc('>', out);
	text(out, px - LABEL_PAD, y + 21, pooled ? "lab pooled" : "lab", "end", p->name);
	for (int k = 0; k < 2; k++)
		rect(out, px, y + 3 + k * 13, bar_len(p->v[k], pw), 12, c->colour[k]);
	fputs("</g>\n", out);
}

/* The x of the region's lines through the LA rows, left to right; n is 0 without them. */
struct marks {
	int x[2];
	int n;
};

/*
 * The values beside the bars.  A value the region's line would cross moves
 * right, past the line: its width is guessed at 8 units a character of
 * 12.5-unit text (wide fonts such as DejaVu Sans need that).
 */
static void
pair_values(FILE *out, const struct pair_row *p, int y, int px, int pw, const struct marks *m)
{
	char buf[FB_PCT_BUF], label[FB_PCT_BUF + 1];

	for (int k = 0; k < 2; k++) {
		int by = y + 3 + k * 13, w = bar_len(p->v[k], pw), x = px + w + 5, width;

		if (p->v[k] == FB_PCT_NONE) {
			text(out, px + 4, by + 10, "val", NULL, DASH);
			continue;
		}
		snprintf(label, sizeof(label), "%s%%", fb_pct_format(p->v[k], buf));
		width = (int)strlen(label) * 8;
		for (int i = 0; i < m->n; i++)
			if (m->x[i] >= x - 3 && m->x[i] <= x + width + 3)
				x = m->x[i] + 5;
		text(out, x, by + 10, "val", NULL, label);
	}
}

/* Where region_marks() draws its lines. */
static void
marks_of(struct marks *m, const struct pair_row *region, int px, int pw)
{
	m->n = 0;
	for (int k = 0; k < 2; k++)
		if (region->v[k] != FB_PCT_NONE)
			m->x[m->n++] = px + bar_len(region->v[k], pw);
	if (m->n == 2 && m->x[0] > m->x[1]) {
		int t = m->x[0];

		m->x[0] = m->x[1];
		m->x[1] = t;
	}
}

/* Lines through the LA rows at the pooled row's two values. */
static void
region_marks(FILE *out, const struct pair_row *region, int px, int pw, int y1)
{
	char buf[FB_PCT_BUF], label[FB_PCT_BUF + 1];
	int lo = region->v[0] <= region->v[1] ? 0 : 1;

	for (int k = 0; k < 2; k++) {
		int x = px + bar_len(region->v[k], pw);

		if (region->v[k] == FB_PCT_NONE)
			continue;
		fprintf(out, "<line class=\"mark%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
			k ? " dash" : "", x, TOP - 12, x, y1);
		snprintf(label, sizeof(label), "%s%%", fb_pct_format(region->v[k], buf));
		text(out, k == lo ? x - 4 : x + 4, TOP - 16, "val", k == lo ? "end" : "start", label);
	}
	fputc('\n', out);
}

/* Every row, bars or values (m: the region's lines); returns the top of the pooled rows. */
static int
pair_rows(FILE *out, const struct pair_chart *c, int px, int pw, const struct marks *m)
{
	static const struct marks none = { { 0, 0 }, 0 };
	struct pair_row p;
	int y = TOP, was = 0, ylas = TOP;

	for (size_t r = 0; r < c->n; r++) {
		c->get(c->ctx, r, &p);
		if (c->pooled(c->ctx, r) && !was && r > 0) {
			ylas = y;
			if (!m)
				separator(out, y + GAP / 2);
			y += GAP;
		}
		was = c->pooled(c->ctx, r);
		if (m)
			pair_values(out, &p, y, px, pw, was ? &none : m);
		else
			pair_bars(out, c, &p, y, px, pw);
		y += PAIR_H;
	}
	return ylas;
}

static void
pair_chart(FILE *out, const struct pair_chart *c)
{
	size_t longest = 0, npooled = 0;
	struct pair_row p, region = { 0 };
	struct marks marks;
	int breaks = nbreaks(c->pooled, c->ctx, c->n), px, pw, ylas;

	for (size_t r = 0; r < c->n; r++) {
		c->get(c->ctx, r, &p);
		if (label_chars(p.name, c->pooled(c->ctx, r)) > longest)
			longest = label_chars(p.name, c->pooled(c->ctx, r));
		if (p.la_code == FB_LA_ALL && npooled++ == 0)
			region = p;
	}
	px = label_width(longest) + LABEL_PAD;
	pw = VB_W - px - 62;
	svg_open(out, c->id, TOP + (int)c->n * PAIR_H + breaks * GAP + 26, c->title);
	pair_desc(out, c);
	grid(out, px, pw, TOP - 6, TOP + (int)c->n * PAIR_H + breaks * GAP);
	ylas = pair_rows(out, c, px, pw, NULL);
	marks.n = 0;
	if (npooled == 1 && ylas > TOP) {
		region_marks(out, &region, px, pw, ylas);
		marks_of(&marks, &region, px, pw);
	}
	fputs("<g class=\"values\">", out);
	pair_rows(out, c, px, pw, &marks);
	fputs("</g>\n</svg>\n", out);
}

/* 100% stacked bars: filled, vacant, unavailable */

struct stack_row {
	const char *name;
	int la_code;
	long den;            /* the whole bar; 0 or less when there is nothing to draw */
	long part[3][2];     /* filled, vacant, unavailable by mainstream, respite/emergency */
	char buf[96];        /* room for a name the getter composes */
};

struct stack_chart {
	const char *id, *title, *row_class;
	size_t n;
	void (*get)(const void *ctx, size_t r, struct stack_row *out);
	int (*pooled)(const void *ctx, size_t r);
	const void *ctx;
};

static const char *const stack_colour[3] = { C_FILLED, C_VACANT, C_UNAVAILABLE };

static long
stack_share(const struct stack_row *s, int k)
{
	return fb_pct_tenths(s->part[k][0] + s->part[k][1], s->den);
}

static void
stack_desc(FILE *out, const struct stack_chart *c)
{
	char buf[FB_PCT_BUF];
	struct stack_row s;

	esc(out, c->title);
	fputs(". Per row, the shares filled, vacant and unavailable, in percent: ", out);
	for (size_t r = 0; r < c->n; r++) {
		c->get(c->ctx, r, &s);
		esc(out, s.name);
		if (s.den <= 0)
			fputs(" not known", out);
		for (int k = 0; k < 3 && s.den > 0; k++)
			fprintf(out, "%s%s", k ? ", " : " ", fb_pct_format(stack_share(&s, k), buf));
		fputs(r + 1 < c->n ? "; " : ".", out);
	}
	fputs("</desc>\n", out);
}

/* x of a running count on the bar, never past its end. */
static int
stack_x(long cum, const struct stack_row *s, int px, int pw)
{
	return px + (int)((cum > s->den ? s->den : cum) * pw / s->den);
}

/* The segments of one status, mainstream then hatched respite/emergency. */
static long
stack_segment(FILE *out, const struct stack_row *s, int k, long cum, int y, int px, int pw)
{
	char buf[FB_PCT_BUF], cls[8];
	int x0 = stack_x(cum, s, px, pw);
	int x1 = stack_x(cum + s->part[k][0], s, px, pw);
	int x2 = stack_x(cum + s->part[k][0] + s->part[k][1], s, px, pw);

	rect(out, x0, y, x1 - x0, 18, stack_colour[k]);
	rect(out, x1, y, x2 - x1, 18, stack_colour[k]);
	hatch(out, x1, y, x2 - x1, 18);
	/* A label needs about 32 units; the table has every value anyway. */
	if (x2 - x0 >= 32) {
		snprintf(cls, sizeof(cls), "on on%d", k);
		text(out, x0 + 4, y + 14, cls, NULL, fb_pct_format(stack_share(s, k), buf));
	}
	return cum + s->part[k][0] + s->part[k][1];
}

static void
stack_row(FILE *out, const struct stack_chart *c, const struct stack_row *s, int y, int px,
	  int pw)
{
	int pooled = s->la_code == FB_LA_ALL;
	long cum = 0;

	fprintf(out, "<g class=\"%s\"", pooled ? "region-bar" : c->row_class);
	la_attr(out, s->la_code);
	fputc('>', out);
	text(out, px - LABEL_PAD, y + 18, pooled ? "lab pooled" : "lab", "end", s->name);
	if (s->den <= 0) {
		text(out, px + 4, y + 17, "val", NULL, "not known (suppressed or not given)");
	} else {
		for (int k = 0; k < 3; k++)
			cum = stack_segment(out, s, k, cum, y + 4, px, pw);
		fprintf(out, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\"/>",
			px, y + 4, pw);
	}
	fputs("</g>\n", out);
}

static void
stack_chart(FILE *out, const struct stack_chart *c)
{
	int breaks = nbreaks(c->pooled, c->ctx, c->n), y = 8, was = 0, px, pw;
	int plot_h = (int)c->n * STACK_H + breaks * GAP;
	size_t longest = 0;
	struct stack_row s;

	for (size_t r = 0; r < c->n; r++) {
		size_t len;

		c->get(c->ctx, r, &s);
		len = label_chars(s.name, c->pooled(c->ctx, r));
		if (len > longest)
			longest = len;
	}
	px = label_width(longest) + LABEL_PAD;
	pw = VB_W - px - 24;   /* room for half the "100%" tick */
	svg_open(out, c->id, 8 + plot_h + 28, c->title);
	stack_desc(out, c);
	grid(out, px, pw, 4, 8 + plot_h + 2);
	for (size_t r = 0; r < c->n; r++) {
		c->get(c->ctx, r, &s);
		if (c->pooled(c->ctx, r) && !was && r > 0) {
			separator(out, y + GAP / 2);
			y += GAP;
		}
		was = c->pooled(c->ctx, r);
		stack_row(out, c, &s, y, px, pw);
		y += STACK_H;
	}
	fputs("</svg>\n", out);
}

static void
stack_legend(FILE *out, int respite)
{
	const struct key k[4] = {
		{ "", C_FILLED, NULL, "Filled" },
		{ "", C_VACANT, NULL, "Vacant" },
		{ "", C_UNAVAILABLE, NULL, "Unavailable" },
		{ "hatch", "#7a7a7a", NULL, "Striped: respite/emergency beds of that status" },
	};

	legend(out, k, respite ? 4 : 3);
}

/* Counts of findings: errors and warnings, name above each bar */

struct count_row {
	char name[160];
	long n[2];           /* errors, warnings */
};

struct count_chart {
	const char *id, *title;
	size_t n;
	void (*get)(const void *ctx, size_t r, struct count_row *out);
	const void *ctx;
};

static void
count_value(char *buf, size_t size, const long n[2])
{
	if (n[0] && n[1])
		snprintf(buf, size, "%ld error%s, %ld warning%s", n[0], plural(n[0]), n[1],
			 plural(n[1]));
	else if (n[1])
		snprintf(buf, size, "%ld warning%s", n[1], plural(n[1]));
	else
		snprintf(buf, size, "%ld error%s", n[0], plural(n[0]));
}

static void
count_chart(FILE *out, const struct count_chart *c)
{
	char value[64];
	struct count_row cr;
	long max = 1;
	int pw = VB_W - 170;

	for (size_t r = 0; r < c->n; r++) {
		c->get(c->ctx, r, &cr);
		if (cr.n[0] + cr.n[1] > max)
			max = cr.n[0] + cr.n[1];
	}
	svg_open(out, c->id, (int)c->n * COUNT_H + 6, c->title);
	esc(out, c->title);
	fputs(": ", out);
	for (size_t r = 0; r < c->n; r++) {
		c->get(c->ctx, r, &cr);
		count_value(value, sizeof(value), cr.n);
		esc(out, cr.name);
		fprintf(out, " %s%s", value, r + 1 < c->n ? "; " : ".");
	}
	fputs("</desc>\n", out);
	for (size_t r = 0; r < c->n; r++) {
		int y = (int)r * COUNT_H, we, ww;

		c->get(c->ctx, r, &cr);
		we = (int)(cr.n[0] * pw / max);
		ww = (int)(cr.n[1] * pw / max);
		count_value(value, sizeof(value), cr.n);
		fputs("<g class=\"count-bar\">", out);
		text(out, 0, y + 15, "lab", NULL, cr.name);
		rect(out, 0, y + 21, we, 14, C_ERROR);
		fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\" "
			"stroke=\"#8a7a00\" stroke-width=\".8\"/>", we, y + 21, ww, C_WARNING);
		text(out, we + ww + 6, y + 32, "val", NULL, value);
		fputs("</g>\n", out);
	}
	fputs("</svg>\n", out);
}

/* Inputs, shared by every page */

static void
rejected_by(FILE *out, const long *by)
{
	const char *sep = "";

	for (int r = 0; r < FB_R_COUNT; r++) {
		if (!by[r])
			continue;
		fprintf(out, "%s%s %ld", sep, fb_rules[r].code, by[r]);
		sep = ", ";
	}
	if (!*sep)
		fputs(DASH, out);
}

/* One input's row; with a filter (filtered), also the rows it set aside. */
static void
input_row(FILE *out, const struct fb_input *in, int filtered)
{
	fputs("<tr><td><code>", out);
	esc(out, in->name);
	fputs("</code></td><td>", out);
	esc(out, in->role);
	if (in->error) {
		fprintf(out, "</td><td colspan=\"%d\">could not be read: ", filtered ? 5 : 4);
		esc(out, strerror(in->error));
		fputs("</td></tr>\n", out);
		return;
	}
	fputs("</td><td class=\"num\">", out);
	count(out, in->rows_read);
	fputs("</td><td class=\"num\">", out);
	count(out, in->rows_used);
	fputs("</td><td class=\"num\">", out);
	count(out, in->rows_rejected);
	if (filtered) {
		fputs("</td><td class=\"num\">", out);
		count(out, in->rows_outside_filter);
	}
	fputs("</td><td>", out);
	rejected_by(out, in->rejected_by);
	fputs("</td></tr>\n", out);
}

static void
findings_summary(FILE *out, const struct fb_findings *f)
{
	const char *sep = " (";

	fprintf(out, "<p class=\"note\">Findings while reading: %zu error%s, %zu warning%s",
		f->errors, plural((long)f->errors), f->warnings, plural((long)f->warnings));
	for (int r = 0; r < FB_R_COUNT; r++) {
		if (!f->count[r])
			continue;
		fprintf(out, "%s%s %zu", sep, fb_rules[r].code, f->count[r]);
		sep = ", ";
	}
	fputs(*sep == ',' ? ")." : ".", out);
	if (f->errors || f->warnings)
		fputs(" Standard error lists the first of them; <code>fosterbeds validate</code> "
		      "lists every finding in the bed records.", out);
	fputs("</p>\n", out);
}

static void
inputs_section(FILE *out, const struct fb_run *run, int summary)
{
	long read, used, rejected;
	int filtered = run->filter.active;

	fb_run_totals(run, &read, &used, &rejected);
	fputs("<section class=\"inputs\">\n<h2>Inputs</h2>\n<div class=\"table-wrap\">"
	      "<table class=\"inputs\">\n<thead><tr><th scope=\"col\">File</th>"
	      "<th scope=\"col\">Role</th><th scope=\"col\" class=\"num\">Rows read</th>"
	      "<th scope=\"col\" class=\"num\">Used</th><th scope=\"col\" class=\"num\">Rejected"
	      "</th>", out);
	if (filtered)
		fputs("<th scope=\"col\" class=\"num\">Outside the filter</th>", out);
	fputs("<th scope=\"col\">Rejected, by the rule of the first error</th></tr>"
	      "</thead>\n<tbody>\n", out);
	for (size_t i = 0; i < run->ninputs; i++)
		input_row(out, &run->inputs[i], filtered);
	fputs("</tbody>\n<tfoot><tr><td>Total</td><td></td><td class=\"num\">", out);
	count(out, read);
	fputs("</td><td class=\"num\">", out);
	count(out, used);
	fputs("</td><td class=\"num\">", out);
	count(out, rejected);
	if (filtered) {
		fputs("</td><td class=\"num\">", out);
		count(out, fb_run_outside_filter(run));
	}
	fputs("</td><td></td></tr></tfoot>\n</table></div>\n", out);
	if (filtered) {
		char what[64 + 1000 * 4];

		fputs("<p class=\"note\">Filter <code>", out);
		esc(out, fb_filter_describe(&run->filter, what, sizeof(what)));
		fputs("</code>: rows of other LAs were set aside before any check, and are "
		      "not in the figures.</p>\n", out);
	}
	if (summary)
		findings_summary(out, &run->findings);
	fputs("</section>\n", out);
}

/* validate */

static void
code_get(const void *ctx, size_t r, struct count_row *out)
{
	const struct fb_findings *f = ctx;
	size_t seen = 0;

	for (int k = 0; k < FB_R_COUNT; k++) {
		if (!f->count[k] || seen++ != r)
			continue;
		snprintf(out->name, sizeof(out->name), "%s %s (%s)", fb_rules[k].code,
			 fb_rules[k].name, fb_severity_name(fb_rules[k].severity));
		out->n[0] = fb_rules[k].severity == FB_SEV_ERROR ? (long)f->count[k] : 0;
		out->n[1] = fb_rules[k].severity == FB_SEV_ERROR ? 0 : (long)f->count[k];
		return;
	}
}

struct by_file {
	const struct fb_run *run;
	const long *n;       /* errors, warnings per input, listed findings only */
	size_t *which;       /* inputs with findings */
};

static void
file_get(const void *ctx, size_t r, struct count_row *out)
{
	const struct by_file *b = ctx;
	size_t i = b->which[r];

	snprintf(out->name, sizeof(out->name), "%s", b->run->inputs[i].name);
	out->n[0] = b->n[2 * i];
	out->n[1] = b->n[2 * i + 1];
}

static void
findings_charts(FILE *out, const struct fb_run *run)
{
	const struct fb_findings *f = &run->findings;
	long *n = fb_xcalloc(2 * run->ninputs + 1, sizeof(*n));
	size_t *which = fb_xcalloc(run->ninputs + 1, sizeof(*which)), nfiles = 0, ncodes = 0;
	struct by_file b = { run, n, which };
	struct count_chart codes = { "by-code", "Findings by code", 0, code_get, f };
	struct count_chart files = { "by-file", "Findings by file", 0, file_get, &b };

	for (int k = 0; k < FB_R_COUNT; k++)
		ncodes += f->count[k] != 0;
	for (size_t i = 0; i < f->n; i++)
		n[2 * f->items[i].file + (fb_rules[f->items[i].rule].severity != FB_SEV_ERROR)]++;
	for (size_t i = 0; i < run->ninputs; i++)
		if (n[2 * i] || n[2 * i + 1])
			which[nfiles++] = i;
	codes.n = ncodes;
	files.n = nfiles;
	figure_open(out, "chart-codes", codes.title, "Every finding, counted by the rule it "
		    "breaks; spec/bed-records.md says what each rule asks for.");
	legend(out, (const struct key[]){ { "", C_ERROR, NULL, "Errors: the row is left out" },
		{ "", C_WARNING, NULL, "Warnings: the row is used" } }, 2);
	count_chart(out, &codes);
	fputs("</figure>\n", out);
	figure_open(out, "chart-files", files.title, f->dropped ? "Counts the findings listed "
		    "below only (--max-findings 0 lists all)." : NULL);
	legend(out, NULL, 0);
	count_chart(out, &files);
	fputs("</figure>\n", out);
	free(n);
	free(which);
}

static void
finding_row(FILE *out, const struct fb_run *run, const struct fb_finding *f)
{
	const struct fb_rule_def *r = &fb_rules[f->rule];

	fputs("<tr><td><code>", out);
	esc(out, run->inputs[f->file].name);
	fprintf(out, "</code></td><td class=\"num\">%ld</td><td class=\"num\">", f->line);
	if (f->row > 0)
		fprintf(out, "%ld", f->row);
	fprintf(out, "</td><td class=\"sev-%s\">", fb_severity_name(r->severity));
	esc(out, fb_severity_name(r->severity));
	fprintf(out, "</td><td>%s</td><td>", r->code);
	if (f->column)
		esc(out, f->column);
	if (f->col >= 0) {
		char letters[FB_COLUMN_LETTERS];

		fprintf(out, " (%s)", fb_column_letters(letters, f->col));
	}
	fputs("</td><td>", out);
	if (f->value) {
		fputs("<code>", out);
		esc(out, f->value);
		fputs("</code>", out);
	}
	fputs("</td><td>", out);
	esc(out, f->message);
	fputs("</td></tr>\n", out);
}

static void
findings_table(FILE *out, const struct fb_run *run)
{
	const struct fb_findings *f = &run->findings;

	fputs("<div class=\"table-wrap\"><table class=\"findings\">\n<thead><tr>"
	      "<th scope=\"col\">File</th><th scope=\"col\" class=\"num\">Line</th>"
	      "<th scope=\"col\" class=\"num\">Excel row</th>"
	      "<th scope=\"col\">Severity</th><th scope=\"col\">Code</th>"
	      "<th scope=\"col\">Column</th><th scope=\"col\">Value</th>"
	      "<th scope=\"col\">What is wrong</th></tr></thead>\n<tbody>\n", out);
	for (size_t i = 0; i < f->n; i++)
		finding_row(out, run, &f->items[i]);
	fputs("</tbody>\n</table></div>\n", out);
	if (f->dropped)
		fprintf(out, "<p class=\"note\">... and %zu more finding%s not listed "
			"(--max-findings 0 lists all).</p>\n", f->dropped, plural((long)f->dropped));
}

static void
findings_stats(FILE *out, const struct fb_run *run)
{
	const struct fb_findings *f = &run->findings;
	long read, used, rejected;

	fb_run_totals(run, &read, &used, &rejected);
	fputs("<section class=\"region-headline summary\">\n", out);
	fprintf(out, "<div class=\"stat\" id=\"errors\" style=\"--c:%s\" data-value=\"%zu\">"
		"<p class=\"label\">Errors</p><p class=\"value\">%zu</p><p class=\"explain\">"
		"Rows with an error are left out of every report.</p></div>\n", C_ERROR,
		f->errors, f->errors);
	fprintf(out, "<div class=\"stat\" id=\"warnings\" style=\"--c:%s\" data-value=\"%zu\">"
		"<p class=\"label\">Warnings</p><p class=\"value\">%zu</p><p class=\"explain\">"
		"Worth a look; the rows are still used.</p></div>\n", C_WARNING, f->warnings,
		f->warnings);
	fprintf(out, "<div class=\"stat\" id=\"rows-used\" style=\"--c:%s\" data-value=\"%ld\">"
		"<p class=\"label\">Rows used</p><p class=\"value\">", C_FILLED, used);
	count(out, used);
	fputs("</p><p class=\"explain\">of ", out);
	count(out, read);
	fprintf(out, " read.</p></div>\n<div class=\"stat\" id=\"rows-rejected\" "
		"style=\"--c:#6a6a6a\" data-value=\"%ld\"><p class=\"label\">Rows rejected</p>"
		"<p class=\"value\">", rejected);
	count(out, rejected);
	fputs("</p><p class=\"explain\">Each counted under its first error's rule.</p></div>\n"
	      "</section>\n", out);
}

static void
findings(FILE *out, const struct fb_run *run)
{
	const struct fb_findings *f = &run->findings;
	char title[64];

	if (!f->errors && !f->warnings)
		snprintf(title, sizeof(title), "No problems found");
	else
		snprintf(title, sizeof(title), "%zu error%s, %zu warning%s", f->errors,
			 plural((long)f->errors), f->warnings, plural((long)f->warnings));
	page_open(out, "Bed-record check", title);
	masthead_open(out, "Bed-record check", title);
	snprintf(title, sizeof(title), "%zu", run->ninputs);
	meta(out, "Files", title);
	masthead_close(out);
	findings_stats(out, run);
	if (f->errors || f->warnings) {
		fputs("<section class=\"charts\">\n<h2>Where the problems are</h2>\n", out);
		findings_charts(out, run);
		fputs("</section>\n<section class=\"findings\">\n<h2>Findings</h2>\n"
		      "<p class=\"lead\">Lines are the lines a text editor shows (the header is "
		      "line 1); the Excel row and the column's letter (in brackets after its "
		      "name) are where Excel shows the value, since a value with a line break "
		      "inside quotes is one row there.</p>\n", out);
		findings_table(out, run);
		fputs("</section>\n", out);
	}
	inputs_section(out, run, 0);
	page_close(out);
}

/* report */

/* One snapshot date: its LAs by utilisation, then its pooled row. */
struct snap {
	const struct fb_report *rep;
	const struct fb_tally_row **v;
	size_t n;
	char date[FB_DATE_LEN + 1];
	const struct fb_tally_row *pool;
	const char *one;     /* the LA's name when there is one LA: no pooled row then */
};

/* Highest utilisation first, compared as exact fractions; no beds last. */
static int
by_utilisation(const void *a, const void *b)
{
	const struct fb_tally_row *x = *(const struct fb_tally_row *const *)a;
	const struct fb_tally_row *y = *(const struct fb_tally_row *const *)b;
	long long l = (long long)x->counts.filled * y->counts.approved;
	long long r = (long long)y->counts.filled * x->counts.approved;

	if (!x->counts.approved != !y->counts.approved)
		return x->counts.approved ? -1 : 1;
	if (l != r)
		return l > r ? -1 : 1;
	return (x->la_code > y->la_code) - (x->la_code < y->la_code);
}

static void
snapshot(struct snap *s, const struct fb_tally_row *pool)
{
	const struct fb_report *rep = s->rep;

	s->n = 0;
	for (size_t i = 0; i < rep->nrows; i++)
		if (rep->rows[i].la_code != FB_LA_ALL && rep->rows[i].date == pool->date)
			s->v[s->n++] = &rep->rows[i];
	qsort(s->v, s->n, sizeof(*s->v), by_utilisation);
	s->pool = pool;
	if (!s->one)
		s->v[s->n++] = pool;
	fb_date_format(pool->date, s->date);
}

static int
snap_pooled(const void *ctx, size_t r)
{
	return ((const struct snap *)ctx)->v[r]->la_code == FB_LA_ALL;
}

static void
util_get(const void *ctx, size_t r, struct pair_row *out)
{
	const struct snap *s = ctx;
	struct fb_rates rt;

	fb_rates_compute(&rt, &s->v[r]->counts);
	out->name = la_label(fb_report_la_name(s->rep, s->v[r]), s->v[r]->la_code, out->buf);
	out->la_code = s->v[r]->la_code;
	out->v[0] = rt.utilisation_incl;
	out->v[1] = rt.utilisation_excl;
}

static void
share_get(const void *ctx, size_t r, struct stack_row *out)
{
	const struct snap *s = ctx;
	const struct fb_counts *c = &s->v[r]->counts;

	out->name = la_label(fb_report_la_name(s->rep, s->v[r]), s->v[r]->la_code, out->buf);
	out->la_code = s->v[r]->la_code;
	out->den = c->approved;
	out->part[0][0] = c->ms_filled;
	out->part[0][1] = c->filled - c->ms_filled;
	out->part[1][0] = c->ms_vacant;
	out->part[1][1] = c->vacant - c->ms_vacant;
	out->part[2][0] = c->ms_unavailable;
	out->part[2][1] = c->unavailable - c->ms_unavailable;
}

static void
util_figure(FILE *out, const struct snap *s)
{
	const struct fb_tally_row *pool = s->pool;
	char id[32], title[128], incl[48], excl[48], buf[FB_PCT_BUF];
	struct fb_rates rt;
	struct pair_chart c = { id, title, "la-bar", { "including", "excluding" },
				{ C_FILLED, C_EXCL }, s->n, util_get, snap_pooled, s };

	fb_rates_compute(&rt, &pool->counts);
	snprintf(id, sizeof(id), "util-%s", s->date);
	snprintf(title, sizeof(title), "Utilisation by LA on %s, including and excluding "
		 "respite/emergency beds", s->date);
	snprintf(incl, sizeof(incl), ", including: %s%%", fb_pct_format(rt.utilisation_incl, buf));
	snprintf(excl, sizeof(excl), ", excluding: %s%%", fb_pct_format(rt.utilisation_excl, buf));
	figure_open(out, "chart-utilisation", title, "Filled beds as a share of approved beds, "
		    "highest first. Excluding leaves respite and emergency beds out of both "
		    "counts.");
	legend(out, (const struct key[]){
		{ "", C_FILLED, NULL, "Including respite/emergency" },
		{ "", C_EXCL, NULL, "Excluding respite/emergency" },
		{ "line", "#1b1b1b", s->rep->region_name, incl },
		{ "line dash", "#1b1b1b", s->rep->region_name, excl } }, s->one ? 2 : 4);
	pair_chart(out, &c);
	fputs("</figure>\n", out);
}

static void
share_figure(FILE *out, const struct snap *s)
{
	char id[32], title[128];
	struct stack_chart c = { id, title, "la-stack", s->n, share_get, snap_pooled, s };

	snprintf(id, sizeof(id), "share-%s", s->date);
	snprintf(title, sizeof(title), "Filled, vacant and unavailable beds by LA on %s, "
		 "%% of approved beds", s->date);
	figure_open(out, "chart-share", title, "Each bar is all of an LA's approved beds. "
		    "Respite and emergency beds are striped within the status they had.");
	stack_legend(out, 1);
	stack_chart(out, &c);
	fputs("</figure>\n", out);
}

/* Why beds go unused: one status, mainstream and respite/emergency beds apart */

struct reasons {
	const char *title, *colour;
	const struct fb_reason_line *ms, *re;
	size_t n;            /* reasons, "not_recorded" and "not_recognised" included */
};

/* The largest share, rounded up to a multiple of 10%, so short bars stay readable. */
static long
reasons_scale(const struct reasons *p)
{
	long max = 100;

	for (size_t i = 0; i < p->n; i++) {
		if (p->ms[i].share > max)
			max = p->ms[i].share;
		if (p->re[i].share > max)
			max = p->re[i].share;
	}
	return (max + 99) / 100 * 100;
}

static const char *
reason_label(const char *reason, char *buf, size_t size)
{
	snprintf(buf, size, "%s", reason);
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
	return buf;
}

static void
reason_bar(FILE *out, const struct fb_reason_line *l, int y, int px, int pw, long scale,
	   const char *colour)
{
	char buf[64], share[FB_PCT_BUF];
	int w = l->share == FB_PCT_NONE ? 0 : (int)(l->share * pw / scale);

	rect(out, px, y, w, 12, colour);
	if (l->group)
		hatch(out, px, y, w, 12);
	if (l->share == FB_PCT_NONE)
		snprintf(buf, sizeof(buf), "%ld", l->beds);
	else
		snprintf(buf, sizeof(buf), "%ld (%s%%)", l->beds, fb_pct_format(l->share, share));
	text(out, px + w + 5, y + 10, "val", NULL, buf);
}

static int
reasons_panel(FILE *out, const struct reasons *p, int y, int px, int pw)
{
	char buf[160], name[40], ms[FB_CELL_BUF], re[FB_CELL_BUF];
	long scale = reasons_scale(p);

	text(out, 0, y + 16, "head", NULL, p->title);
	snprintf(buf, sizeof(buf), "%s mainstream and %s respite/emergency beds; each bar is "
		 "a share of its group, scale 0-%ld%%", count_text(p->ms[0].group_beds, ms),
		 count_text(p->re[0].group_beds, re), scale / 10);
	text(out, 0, y + 34, "sub", NULL, buf);
	y += 44;
	for (size_t i = 0; i < p->n; i++, y += PAIR_H) {
		fputs("<g class=\"reason\" data-reason=\"", out);
		esc(out, p->ms[i].reason);
		fputs("\">", out);
		text(out, px - LABEL_PAD, y + 21, "lab", "end",
		     reason_label(p->ms[i].reason, name, sizeof(name)));
		reason_bar(out, &p->ms[i], y + 3, px, pw, scale, p->colour);
		reason_bar(out, &p->re[i], y + 16, px, pw, scale, p->colour);
		fputs("</g>\n", out);
	}
	return y;
}

static void
reasons_desc(FILE *out, const struct reasons *p)
{
	char name[40], a[FB_PCT_BUF], b[FB_PCT_BUF];

	esc(out, p->title);
	fputs(", beds (share) for mainstream then respite/emergency beds: ", out);
	for (size_t i = 0; i < p->n; i++)
		fprintf(out, "%s %ld (%s%%), %ld (%s%%)%s",
			reason_label(p->ms[i].reason, name, sizeof(name)), p->ms[i].beds,
			fb_pct_format(p->ms[i].share, a), p->re[i].beds,
			fb_pct_format(p->re[i].share, b), i + 1 < p->n ? "; " : ". ");
}

static void
reasons_figure(FILE *out, const struct snap *s)
{
	struct fb_reason_line lines[FB_REASON_LINES];
	const size_t nu = FB_UR_COUNT + 2, nv = FB_VR_COUNT + 2;
	char id[32], title[128];
	struct reasons p[2];
	int px = label_width(19) + LABEL_PAD, y = 0;

	/* fb_reason_lines() gives unavailable then vacant, mainstream before respite. */
	fb_reason_lines(&s->pool->counts, lines);
	p[0] = (struct reasons){ "Unavailable beds by unavailable_reason", C_UNAVAILABLE, lines,
				 lines + nu, nu };
	p[1] = (struct reasons){ "Vacant beds by vacancy_reason", C_VACANT, lines + 2 * nu,
				 lines + 2 * nu + nv, nv };
	snprintf(id, sizeof(id), "reasons-%s", s->date);
	snprintf(title, sizeof(title), "Why beds go unused, %s, %s", s->one ? s->one : "region",
		 s->date);
	figure_open(out, "chart-reasons", title, s->one ? "'not recorded' counts beds whose "
		    "reason was left blank; 'not recognised' counts beds whose reason is not one "
		    "of the standard's codes (the values are in the findings)." : "All the LAs "
		    "pooled. 'not recorded' counts beds whose reason was left blank; 'not "
		    "recognised' counts beds whose reason is not one of the standard's codes (the "
		    "values are in the findings).");
	legend(out, (const struct key[]){ { "", "#7a7a7a", NULL, "Mainstream beds" },
		{ "hatch", "#7a7a7a", NULL, "Respite/emergency beds" } }, 2);
	svg_open(out, id, 2 * 44 + (int)(nu + nv) * PAIR_H + 20, title);
	reasons_desc(out, &p[0]);
	reasons_desc(out, &p[1]);
	fputs("</desc>\n", out);
	y = reasons_panel(out, &p[0], y, px, VB_W - px - 110);
	reasons_panel(out, &p[1], y + 16, px, VB_W - px - 110);
	fputs("</svg>\n</figure>\n", out);
}

static const char *const report_headings[] = {
	"LA", "Name", "Approved", "Filled", "Vacant", "Unavail\xc2\xad" "able", "Resp./ emerg.",
	"Approved", "Filled", "Incl. resp./ emerg.", "Excl. resp./ emerg.", "Vacant",
	"Unavail\xc2\xad" "able",
};
static const size_t report_shown[] = { 0, 1, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15 };
static const struct col_group report_groups[] = {
	{ "", 2 }, { "All beds", 5 }, { "Mainstream beds", 2 }, { "Utilisation, %", 2 },
	{ "Of approved, %", 2 },
};

static const char *
snap_cell(const void *ctx, size_t r, size_t i, char *buf, int *num)
{
	const struct snap *s = ctx;

	return fb_report_cell(s->rep, s->v[r], i, buf, num);
}

static void
snap_table(FILE *out, const struct snap *s)
{
	struct table t = { "report", report_headings, report_shown, 13, 2, s->n, report_groups,
			   5, snap_cell, snap_pooled, s, 13 };

	fprintf(out, "<h3>Counts and rates on %s</h3>\n", s->date);
	table(out, &t);
}

static void
snapshot_section(FILE *out, const struct snap *s, int latest)
{
	fprintf(out, "<section class=\"snapshot%s\" id=\"snapshot-%s\" data-date=\"%s\">\n"
		"<h2>Snapshot %s%s</h2>\n", latest ? " first" : "", s->date, s->date, s->date,
		latest ? " (latest)" : "");
	if (s->one)
		fputs("<p class=\"lead\">One LA: these are its own counts.</p>\n", out);
	else
		fprintf(out, "<p class=\"lead\">%zu LA%s, highest utilisation first; the last row "
			"pools their counts.</p>\n", s->n - 1, plural((long)s->n - 1));
	util_figure(out, s);
	share_figure(out, s);
	snap_table(out, s);
	if (s->rep->breakdown)
		reasons_figure(out, s);
	fputs("</section>\n", out);
}

/* The change since the previous snapshot, ending the explanation. */
static void
since(FILE *out, const struct fb_tally_row *prev, long num, long den, long pnum, long pden)
{
	char date[FB_DATE_LEN + 1];

	if (!prev)
		return;
	fb_date_format(prev->date, date);
	fputs("</p><p class=\"change\">", out);
	pp(out, fb_pp_diff_tenths(num, den, pnum, pden));
	fprintf(out, " since %s", date);
}

/* The four headline figures, each a numerator and denominator of the counts. */
static const struct {
	const char *id, *colour, *label, *text;
	size_t num, den;   /* offsets of the counts in struct fb_counts */
} headline_figures[] = {
	{ "region-util-incl", C_FILLED, "Utilisation, including respite/emergency",
	  " approved beds had a child living in them.",
	  offsetof(struct fb_counts, filled), offsetof(struct fb_counts, approved) },
	{ "region-util-excl", C_EXCL, "Utilisation, excluding respite/emergency",
	  " mainstream beds were filled; respite and emergency beds are left out.",
	  offsetof(struct fb_counts, ms_filled), offsetof(struct fb_counts, ms_approved) },
	{ "region-vacant", C_VACANT, "Vacant",
	  " approved beds were free and could take a child now.",
	  offsetof(struct fb_counts, vacant), offsetof(struct fb_counts, approved) },
	{ "region-unavailable", C_UNAVAILABLE, "Unavailable",
	  " approved beds could not be used now: a carer's break, an investigation and "
	  "the like.",
	  offsetof(struct fb_counts, unavailable), offsetof(struct fb_counts, approved) },
};

static long
field(const struct fb_counts *c, size_t off)
{
	return *(const long *)((const char *)c + off);
}

static void
headline_stats(FILE *out, const struct fb_counts *c, const struct fb_tally_row *prev)
{
	const struct fb_counts *p = prev ? &prev->counts : c;

	for (size_t i = 0; i < sizeof(headline_figures) / sizeof(headline_figures[0]); i++) {
		long num = field(c, headline_figures[i].num), den = field(c, headline_figures[i].den);

		stat_open(out, headline_figures[i].id, headline_figures[i].colour,
			  headline_figures[i].label, fb_pct_tenths(num, den));
		count(out, num);
		fputs(" of ", out);
		count(out, den);
		fputs(headline_figures[i].text, out);
		since(out, prev, num, den, field(p, headline_figures[i].num),
		      field(p, headline_figures[i].den));
		stat_close(out);
	}
}

/* One LA's name (or code) when the report's rows are all of one LA, else NULL. */
static const char *
one_la(const struct fb_report *rep, size_t first, char buf[16])
{
	for (size_t i = 1; i < first; i++)
		if (rep->rows[i].la_code != rep->rows[0].la_code)
			return NULL;
	return first ? la_label(fb_report_la_name(rep, &rep->rows[0]), rep->rows[0].la_code, buf)
		     : NULL;
}

static void
headline(FILE *out, const struct fb_report *rep, const char *one, const struct fb_tally_row *now,
	 const struct fb_tally_row *prev)
{
	char date[FB_DATE_LEN + 1];

	fb_date_format(now->date, date);
	fputs("<section class=\"headline\">\n<h2>", out);
	esc(out, one ? one : rep->region_name);
	fprintf(out, " on %s</h2>\n", date);
	if (one)
		fputs("<p class=\"lead\">One LA: these are its own counts.</p>\n", out);
	else
		fprintf(out, "<p class=\"lead\">%d LA%s pooled: their counts are added, then "
			"divided, never averaged.</p>\n", now->nla, plural(now->nla));
	fprintf(out, "<div class=\"region-headline\" data-date=\"%s\">\n", date);
	headline_stats(out, &now->counts, prev);
	fputs("</div>\n</section>\n", out);
}

static void
rejected_note(FILE *out, const struct fb_run *run)
{
	long read, used, rejected, by[FB_R_COUNT] = { 0 };

	fb_run_totals(run, &read, &used, &rejected);
	if (!rejected)
		return;
	for (size_t i = 0; i < run->ninputs; i++)
		for (int k = 0; k < FB_R_COUNT; k++)
			by[k] += run->inputs[i].rejected_by[k];
	fputs("<p class=\"warn\">", out);
	count(out, rejected);
	fprintf(out, " row%s with errors %s left out (", plural(rejected),
		rejected == 1 ? "was" : "were");
	rejected_by(out, by);
	fputs("). <code>fosterbeds validate</code> lists them.</p>\n", out);
}

static void
definitions(FILE *out)
{
	fputs("<section class=\"definitions\">\n<h2>How the figures are counted</h2>\n"
	      "<dl class=\"defs\">\n"
	      "<dt>Approved</dt><dd>Every approved fostering place on the snapshot date, one bed "
	      "record each.</dd>\n"
	      "<dt>Utilisation, including respite/emergency</dt><dd>Filled beds divided by "
	      "approved beds.</dd>\n"
	      "<dt>Utilisation, excluding respite/emergency</dt><dd>Filled mainstream beds divided "
	      "by approved mainstream beds: respite and emergency beds are left out of both.</dd>\n"
	      "<dt>Vacant and unavailable</dt><dd>Vacant beds are free and could take a child now; "
	      "unavailable beds exist but cannot be used now. Both are shares of approved "
	      "beds.</dd>\n"
	      "<dt>The region row</dt><dd>The LAs' counts added together, then divided: never an "
	      "average of LA rates. Rates are rounded half away from zero to one decimal.</dd>\n"
	      "</dl>\n</section>\n", out);
}

static void
snapshot_dates(FILE *out, const struct fb_report *rep, size_t first)
{
	char date[FB_DATE_LEN + 1];

	meta_open(out, first + 1 < rep->nrows ? "Snapshot dates" : "Snapshot date");
	for (size_t i = first; i < rep->nrows; i++) {
		fb_date_format(rep->rows[i].date, date);
		fprintf(out, "%s%s", i > first ? ", " : "", date);
	}
	fputs("</dd></div>\n", out);
}

static void
report(FILE *out, const struct fb_report *rep)
{
	struct snap s = { rep, NULL, 0, "", NULL, NULL };
	size_t first = rep->nrows;   /* the pooled rows come last, by date */
	char code[16];
	const char *title;

	while (first > 0 && rep->rows[first - 1].la_code == FB_LA_ALL)
		first--;
	s.one = one_la(rep, first, code);
	title = s.one ? s.one : rep->region_name;
	page_open(out, "Foster-bed utilisation", title);
	masthead_open(out, "Foster-bed utilisation", title);
	if (first < rep->nrows)
		snapshot_dates(out, rep, first);
	masthead_close(out);
	rejected_note(out, rep->run);
	if (first == rep->nrows) {
		fputs("<p class=\"warn\">No usable rows: there is nothing to report.</p>\n", out);
	} else {
		headline(out, rep, s.one, &rep->rows[rep->nrows - 1],
			 rep->nrows - first > 1 ? &rep->rows[rep->nrows - 2] : NULL);
		s.v = fb_xcalloc(rep->nrows, sizeof(*s.v));
		for (size_t i = rep->nrows; i-- > first;) {
			snapshot(&s, &rep->rows[i]);
			snapshot_section(out, &s, i == rep->nrows - 1);
		}
		free(s.v);
	}
	definitions(out);
	inputs_section(out, rep->run, 1);
	page_close(out);
}

/* reconcile: columns of fb_recon_columns, by index */

enum { RC_FILLED_DIFF = 17, RC_UNAVAILABLE_DIFF = 19, RC_DATE = 20, RC_RETURN_DATE = 21 };

static long
sub_pct(const struct fb_recon_row *row, long num)
{
	if (!row->has_return || num == FB_MISSING || row->sub.approved == FB_MISSING)
		return FB_PCT_NONE;
	return fb_pct_tenths(num, row->sub.approved);
}

static const char *
recon_name(const struct fb_recon_report *rep, const struct fb_recon_row *row)
{
	const struct fb_la *la;

	if (row->la_code == FB_LA_ALL)
		return rep->region_name;
	la = fb_la_by_code(row->la_code);
	return la ? la->name : "";
}

/* One measure of the region: standardised large, submitted and the difference below. */
static void
recon_stat(FILE *out, const struct fb_recon_row *row, const char *id, const char *colour,
	   const char *label, long std, long sub)
{
	long tenths = fb_pct_tenths(std, row->std.approved);

	stat_open(out, id, colour, label, row->has_records ? tenths : FB_PCT_NONE);
	fputs("Bed records: ", out);
	count(out, std);
	fputs(" of ", out);
	count(out, row->std.approved);
	fputs(" beds. As submitted: ", out);
	pct(out, sub_pct(row, sub));
	fputs("</p><p class=\"change\">", out);
	if (sub == FB_MISSING || row->sub.approved == FB_MISSING || !row->nla)
		fputs(DASH, out);
	else
		pp(out, fb_pp_diff_tenths(std, row->std.approved, sub, row->sub.approved));
	fputs(", records minus return", out);
	stat_close(out);
}

static void
recon_headline(FILE *out, const struct fb_recon_report *rep, const struct fb_recon_row *row)
{
	struct fb_rates rt;

	fb_rates_compute(&rt, &row->std);
	fputs("<section class=\"headline\">\n<h2>", out);
	esc(out, rep->region_name);
	fprintf(out, ": the records against the return</h2>\n<p class=\"lead\">%d LA%s present "
		"in both pooled; large figures are standardised from the bed records.</p>\n"
		"<div class=\"region-headline recon\">\n", row->nla, plural(row->nla));
	recon_stat(out, row, "region-filled", C_FILLED, "Filled", row->std.filled,
		   row->sub.filled);
	recon_stat(out, row, "region-vacant", C_VACANT, "Vacant", row->std.vacant,
		   row->sub.vacant);
	recon_stat(out, row, "region-unavailable", C_UNAVAILABLE, "Unavailable",
		   row->std.unavailable, row->sub.unavailable);
	stat_open(out, "region-util-excl", C_EXCL, "Filled, excluding respite/emergency",
		  rt.utilisation_excl);
	count(out, row->std.ms_filled);
	fputs(" of ", out);
	count(out, row->std.ms_approved);
	fputs(" mainstream beds. The return has no such figure.", out);
	stat_close(out);
	fputs("</div>\n</section>\n", out);
}

static int
recon_pooled(const void *ctx, size_t r)
{
	return ((const struct fb_recon_report *)ctx)->rc->rows[r].la_code == FB_LA_ALL;
}

static void
recon_get(const void *ctx, size_t r, struct pair_row *out)
{
	const struct fb_recon_report *rep = ctx;
	const struct fb_recon_row *row = &rep->rc->rows[r];
	struct fb_rates rt;

	fb_rates_compute(&rt, &row->std);
	out->name = la_label(recon_name(rep, row), row->la_code, out->buf);
	out->la_code = row->la_code;
	out->v[0] = sub_pct(row, row->sub.filled);
	out->v[1] = row->has_records ? rt.utilisation_incl : FB_PCT_NONE;
}

static void
recon_figure(FILE *out, const struct fb_recon_report *rep)
{
	const char *title = "Filled places by LA: as submitted to Ofsted and standardised from "
			    "the bed records";
	struct pair_chart c = { "recon-filled", title, "la-bar", { "as submitted",
				"standardised" }, { C_SUBMITTED, C_FILLED }, rep->rc->n, recon_get,
				recon_pooled, rep };

	figure_open(out, "chart-recon", title, "Filled as a share of approved places, "
		    "respite/emergency beds included; the lines mark the region.");
	legend(out, (const struct key[]){ { "", C_SUBMITTED, NULL, "As submitted" },
		{ "", C_FILLED, NULL, "Standardised from the bed records" },
		{ "line", "#1b1b1b", rep->region_name, ", as submitted" },
		{ "line dash", "#1b1b1b", rep->region_name, ", standardised" } }, 4);
	pair_chart(out, &c);
	fputs("</figure>\n", out);
}

static const char *const recon_headings[] = {
	"LA", "Name", "Date", "Places", "Filled %", "Vacant %", "Unavail. %", "Beds", "Filled %",
	"Excl. resp. %", "Vacant %", "Unavail. %", "Filled", "Vacant", "Unavail.",
};
static const size_t recon_shown[] = { 0, 1, 20, 2, 6, 7, 8, 9, 13, 14, 15, 16, 17, 18, 19 };
static const struct col_group recon_groups[] = {
	{ "", 3 }, { "As submitted", 4 }, { "From the bed records", 5 },
	{ "Difference, pp", 3 },
};

/* The shared cell, with differences signed so their direction reads at a glance. */
static const char *
recon_cell(const void *ctx, size_t r, size_t i, char *buf, int *num)
{
	const struct fb_recon_report *rep = ctx;
	const char *v = fb_recon_cell(rep, &rep->rc->rows[r], i, buf, num);
	char tmp[FB_CELL_BUF];

	if (i >= RC_FILLED_DIFF && i <= RC_UNAVAILABLE_DIFF && *num && v[0] != '-' &&
	    strcmp(v, "0.0") != 0) {
		snprintf(tmp, sizeof(tmp), "+%s", v);
		memcpy(buf, tmp, sizeof(tmp));
		return buf;
	}
	return v;
}

/* The by-LA table; the date column only when the LAs' snapshot dates differ. */
static void
recon_table(FILE *out, const struct fb_recon_report *rep)
{
	const struct fb_reconcile *rc = rep->rc;
	struct table t = { "reconcile", recon_headings, recon_shown, 15, 3, rc->n, recon_groups,
			   4, recon_cell, recon_pooled, rep, 2 };

	for (size_t r = 0; r < rc->n; r++)
		if (rc->rows[r].has_records && rc->rows[r].date != rc->rows[rc->n - 1].date)
			t.hide = t.ncols;
	table(out, &t);
}

static void
bridge_head(FILE *out)
{
	fputs("<table class=\"bridge\">\n<thead><tr><th scope=\"col\">In the return as</th>",
	      out);
	for (int c = 0; c < FB_CAT_COUNT; c++) {
		fputs("<th scope=\"col\" class=\"num\">", out);
		esc(out, c == FB_CAT_RESPITE_EMERGENCY ? "resp./ emerg." : fb_categories[c].name);
		fputs("</th>", out);
	}
	fputs("<th scope=\"col\" class=\"num\">no bed record</th><th scope=\"col\" "
	      "class=\"num\">return total</th></tr></thead>\n<tbody>\n", out);
}

static void
bridge_row(FILE *out, const struct fb_recon_row *row, int o)
{
	const long sub[FB_UA_COUNT] = { row->sub.filled, row->sub.vacant, row->sub.unavailable };

	fputs("<tr><td>", out);
	esc(out, fb_bridge_status_name(o));
	fputs("</td>", out);
	for (int c = 0; c < FB_CAT_COUNT; c++) {
		fputs("<td class=\"num\">", out);
		count(out, fb_recon_bridge(row, o, (enum fb_category)c));
		fputs("</td>", out);
	}
	if (o < FB_UA_COUNT) {
		fputs("<td class=\"num\">", out);
		count(out, fb_recon_unaccounted(row, (enum fb_unaccounted)o));
		fputs("</td><td class=\"num\">", out);
		if (sub[o] == FB_MISSING)
			fputs(DASH, out);
		else
			count(out, sub[o]);
		fputs("</td></tr>\n", out);
	} else {
		fputs("<td class=\"num na\">" DASH "</td><td class=\"num na\">" DASH "</td></tr>\n",
		      out);
	}
}

static void
bridge_drivers(FILE *out, const struct fb_recon_row *row)
{
	struct fb_driver d[5];
	size_t nd = fb_recon_drivers(row, d, 5);

	if (!nd) {
		fputs("<p class=\"note\">No differences to explain.</p>\n", out);
		return;
	}
	fputs("<p class=\"note\">Main drivers, largest first:</p>\n<ol>", out);
	for (size_t i = 0; i < nd; i++) {
		fputs("<li>", out);
		esc(out, d[i].text);
		fputs("</li>", out);
	}
	fputs("</ol>\n", out);
}

static void
bridge_card(FILE *out, const struct fb_recon_report *rep, const struct fb_recon_row *row)
{
	char buf[FB_CELL_BUF];
	int pooled = row->la_code == FB_LA_ALL, num;

	fprintf(out, "<div class=\"card%s\"", pooled ? " region" : "");
	la_attr(out, row->la_code);
	fputs("><h3>", out);
	if (!pooled)
		fprintf(out, "%03d ", row->la_code);
	esc(out, recon_name(rep, row));
	fputs(", ", out);
	if (row->date == FB_NO_DATE)
		fputs("snapshots of several dates", out);
	else
		esc(out, fb_recon_cell(rep, row, RC_DATE, buf, &num));
	if (!pooled)
		fputs(row->date_source == FB_RD_RETURN ? " (the return's date)"
		      : row->date_source == FB_RD_OPTION ? " (--records-date)"
		      : " (latest snapshot)", out);
	fputs("</h3>\n", out);
	bridge_head(out);
	for (int o = 0; o <= FB_OS_COUNT; o++) {
		long any = 0;

		for (int c = 0; c < FB_CAT_COUNT; c++)
			any += fb_recon_bridge(row, o, (enum fb_category)c);
		if (o != FB_OS_BLANK || any)
			bridge_row(out, row, o);
	}
	fputs("</tbody>\n</table>\n", out);
	bridge_drivers(out, row);
	fputs("</div>\n", out);
}

static void
bridges(FILE *out, const struct fb_recon_report *rep)
{
	const struct fb_reconcile *rc = rep->rc;

	fputs("<section class=\"bridges\">\n<h2>The bridge: how each bed was counted in the "
	      "return</h2>\n<p class=\"lead\">Rows: the bed's <code>ofsted_status</code>; "
	      "columns: its regional category. \"No bed record\" counts places in the return "
	      "that no bed accounts for (negative when the records count more).</p>\n"
	      "<div class=\"cards\">\n", out);
	for (size_t r = rc->n; r-- > 0;)
		if (rc->rows[r].la_code == FB_LA_ALL && rc->rows[r].has_records &&
		    rc->rows[r].has_return && !rc->rows[r].cross_dated)
			bridge_card(out, rep, &rc->rows[r]);
	for (size_t r = 0; r < rc->n; r++)
		if (rc->rows[r].la_code != FB_LA_ALL && rc->rows[r].has_records &&
		    rc->rows[r].has_return && !rc->rows[r].cross_dated)
			bridge_card(out, rep, &rc->rows[r]);
	fputs("</div>\n", out);
	if (rc->cross_dated)
		fprintf(out, "<p class=\"note\">No bridge is drawn for the %d LA%s whose records "
			"and return are from different dates.</p>\n", rc->cross_dated,
			plural(rc->cross_dated));
	fputs("</section>\n", out);
}

/* Both dates, when the records and the return differ in date: shown twice on the page. */
static void
recon_dates_note(FILE *out, const struct fb_recon_report *rep)
{
	char note[FB_CELL_BUF];

	if (!fb_recon_dates_note(rep, note))
		return;
	fputs("<p class=\"note dates-differ\"><strong>", out);
	esc(out, note);
	fputs("</strong></p>\n", out);
}

static void
recon_notes(FILE *out, const struct fb_recon_report *rep, const struct fb_recon_row *region)
{
	int other = rep->rc->left_out - rep->rc->mismatched;

	fprintf(out, "<p class=\"note\">The region row pools the %d LA%s present in both the "
		"records and the return", region->nla, plural(region->nla));
	if (other)
		fprintf(out, "; %d LA%s on one side only or with counts missing %s left out",
			other, plural(other), other == 1 ? "is" : "are");
	if (rep->rc->mismatched)
		fprintf(out, "; %d LA%s whose records lack the return's date %s left out "
			"(FB033)", rep->rc->mismatched, plural(rep->rc->mismatched),
			rep->rc->mismatched == 1 ? "is" : "are");
	fputs(".", out);
	if (rep->sub->missing)
		fprintf(out, " The return has %ld suppressed or blank cell%s, left empty.",
			rep->sub->missing, plural(rep->sub->missing));
	fputs("</p>\n", out);
	recon_dates_note(out, rep);
}

static void
reconcile(FILE *out, const struct fb_recon_report *rep)
{
	const struct fb_reconcile *rc = rep->rc;
	const struct fb_recon_row *region = &rc->rows[rc->n - 1];
	const struct fb_input *ret = &rep->run->inputs[rep->run->ninputs - 1];
	char buf[FB_CELL_BUF];
	int num;

	page_open(out, fb_recon_title(rep), rep->region_name);
	masthead_open(out, fb_recon_title(rep), rep->region_name);
	meta_open(out, "Return");
	esc(out, ret->name);
	fprintf(out, " (%s%s", rep->sub->published ? "Ofsted's published data" : "simple return",
		rep->sub->year[0] ? ", " : "");
	esc(out, rep->sub->year);
	fputs(")</dd></div>\n", out);
	meta(out, "Snapshot date", region->date == FB_NO_DATE ? "several"
			       : fb_recon_cell(rep, region, RC_DATE, buf, &num));
	if (rc->cross_dated)
		meta(out, "Return's date", region->return_date == FB_NO_DATE ? "several"
				       : fb_recon_cell(rep, region, RC_RETURN_DATE, buf, &num));
	masthead_close(out);
	recon_dates_note(out, rep);
	recon_headline(out, rep, region);
	fputs("<section class=\"by-la\">\n<h2>By LA</h2>\n", out);
	recon_figure(out, rep);
	recon_table(out, rep);
	recon_notes(out, rep, region);
	fputs("</section>\n", out);
	bridges(out, rep);
	inputs_section(out, rep->run, 1);
	page_close(out);
}

/* ofsted */

struct ofsted_view {
	const struct fb_ofsted_report *rep;
	int years;           /* more than one year: name each row's */
	size_t *chart;       /* the rows drawn in the chart, by index */
};

static int
ofsted_pooled(const void *ctx, size_t r)
{
	return fb_ofsted_row_pooled(&((const struct ofsted_view *)ctx)->rep->rows[r]);
}

static int
ofsted_chart_pooled(const void *ctx, size_t r)
{
	const struct ofsted_view *view = ctx;

	return fb_ofsted_row_pooled(&view->rep->rows[view->chart[r]]);
}

static const char *
ofsted_cellf(const void *ctx, size_t r, size_t i, char *buf, int *num)
{
	return fb_ofsted_cell(&((const struct ofsted_view *)ctx)->rep->rows[r], i, buf, num);
}

/*
 * The chart draws authorities, joint services and each region as Ofsted
 * publishes it (its sum where the file has no region column): never the
 * differences, and not England, whose column counts independent agencies.
 */
static size_t
ofsted_chart_rows(const struct fb_ofsted_report *rep, size_t *idx)
{
	size_t n = 0;

	for (size_t r = 0; r < rep->nrows; r++) {
		enum fb_ofsted_kind k = rep->rows[r].kind;

		if (k == FB_OK_LA || k == FB_OK_JOINT || k == FB_OK_REGION_PUBLISHED ||
		    (k == FB_OK_REGION && (r + 1 == rep->nrows ||
					   rep->rows[r + 1].kind != FB_OK_REGION_PUBLISHED)))
			idx[n++] = r;
	}
	return n;
}

static void
ofsted_get(const void *ctx, size_t r, struct stack_row *out)
{
	const struct ofsted_view *view = ctx;
	const struct fb_ofsted_row *row = &view->rep->rows[view->chart[r]];
	const struct fb_la *la = fb_la_by_code(row->la_code);
	const char *name = row->name ? row->name : la ? la->name : "";
	char code[16];

	memset(out->part, 0, sizeof(out->part));
	out->la_code = row->la_code;
	out->name = name = la_label(name, row->la_code, code);
	if (view->years) {
		snprintf(out->buf, sizeof(out->buf), "%s %s", name, row->year);
		out->name = out->buf;
	} else if (name == code) {   /* code is about to go out of scope */
		snprintf(out->buf, sizeof(out->buf), "%s", code);
		out->name = out->buf;
	}
	out->den = row->v[FB_OM_APPROVED];
	for (int k = 0; k < 3; k++) {
		out->part[k][0] = row->v[FB_OM_FILLED + k];
		if (out->part[k][0] == FB_MISSING)
			out->den = 0;
	}
}

/* The notes of the sum, difference, joint and covered rows, as a list. */
static void
ofsted_notes(FILE *out, const struct fb_ofsted_report *rep, int years)
{
	int first = 1;

	for (size_t r = 0; r < rep->nrows; r++) {
		const struct fb_ofsted_row *row = &rep->rows[r];
		char buf[FB_CELL_BUF];
		int num;

		if (!row->note || row->kind == FB_OK_REGION_PUBLISHED)
			continue;
		if (first)
			fputs("<h3>Notes</h3>\n<ul class=\"notes ofsted-notes\">\n", out);
		first = 0;
		fprintf(out, "<li data-kind=\"%s\"><strong>", fb_ofsted_kind_names[row->kind]);
		esc(out, fb_ofsted_cell(row, 2, buf, &num));
		if (years) {
			fputc(' ', out);
			esc(out, row->year);
		}
		fputs("</strong>: ", out);
		esc(out, row->note);
		if (row->not_pooled) {
			fputs("; not in the sum: ", out);
			esc(out, row->not_pooled);
		}
		fputs("</li>\n", out);
	}
	if (!first)
		fputs("</ul>\n", out);
}

static const char *const ofsted_headings[] = {
	"Year", "LA", "Name", "Approved", "Filled", "Vacant", "Unavail.", "All", "Short break",
	"Emerg.", "Exempt.", "Filled", "Vacant", "Unavail.",
};
static const size_t ofsted_shown[] = { 0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 };
static const struct col_group ofsted_groups[] = {
	{ "", 3 }, { "Places", 4 }, { "Households", 4 }, { "% of approved places", 3 },
};

/* The distinct years, and the one region named when only one is. */
static int
ofsted_masthead(FILE *out, const struct fb_ofsted_report *rep)
{
	const char *years[8], *region = NULL;
	size_t ny = 0, nregions = 0;

	for (size_t r = 0; r < rep->nrows; r++) {
		size_t k = 0;

		while (k < ny && strcmp(years[k], rep->rows[r].year) != 0)
			k++;
		if (k == ny && ny < 8 && rep->rows[r].year[0])
			years[ny++] = rep->rows[r].year;
		if (rep->rows[r].kind == FB_OK_REGION && (!region ||
							  strcmp(region, rep->rows[r].region)))
			region = rep->rows[r].region, nregions++;
	}
	masthead_open(out, "Ofsted's published fostering data",
		      nregions == 1 ? region : "Local authorities in England");
	meta_open(out, ny > 1 ? "Years" : "Year");
	for (size_t k = 0; k < ny; k++) {
		fputs(k ? ", " : "", out);
		esc(out, years[k]);
	}
	if (!ny)
		fputs("not known", out);
	fputs("</dd></div>\n", out);
	masthead_close(out);
	return ny > 1;
}

static void
ofsted(FILE *out, const struct fb_ofsted_report *rep)
{
	struct ofsted_view view = { rep, 0, fb_xcalloc(rep->nrows + 1, sizeof(size_t)) };
	struct stack_chart c = { "ofsted-share", "Filled, vacant and unavailable places by "
				 "authority, % of approved places", "la-bar", 0,
				 ofsted_get, ofsted_chart_pooled, &view };
	struct table t = { "ofsted", ofsted_headings, ofsted_shown, 14, 3, rep->nrows,
			   ofsted_groups, 4, ofsted_cellf, ofsted_pooled, &view, 0 };

	c.n = ofsted_chart_rows(rep, view.chart);
	page_open(out, "Ofsted's published fostering data", NULL);
	view.years = ofsted_masthead(out, rep);
	t.hide = view.years ? t.ncols : 0;   /* one year: the masthead names it */
	fputs("<section class=\"by-la\">\n<h2>By authority</h2>\n", out);
	if (!rep->nrows) {
		fputs("<p class=\"warn\">No authorities were read.</p>\n", out);
	} else {
		figure_open(out, "chart-ofsted", c.title, "As Ofsted published them. The shares "
			    "do not always add to 100% (counts are rounded to the nearest 5, and "
			    "places do not always balance): a gap is left white, and no bar runs "
			    "past 100%. Region rows, set apart below, are Ofsted's own region "
			    "figures.");
		stack_legend(out, 0);
		stack_chart(out, &c);
		fputs("</figure>\n", out);
		fputs("<p class=\"lead\">Each region has three rows: the sum of its "
		      "authorities (each measure adds the authorities that give it), Ofsted's "
		      "own figure for the region, and Ofsted's minus the sum. The notes say "
		      "which authorities are not in a sum and why the two differ.</p>\n", out);
		table(out, &t);
		ofsted_notes(out, rep, view.years);
	}
	fprintf(out, "<p class=\"note\">%ld cell%s suppressed ('..') or blank %s left empty, "
		"never read as 0.</p>\n</section>\n", rep->missing, plural(rep->missing),
		rep->missing == 1 ? "is" : "are");
	if (rep->run->findings.n) {
		fputs("<section class=\"findings\">\n<h2>Findings</h2>\n<p class=\"lead\">"
		      "Each finding names its authority (the Column).</p>\n", out);
		findings_table(out, rep->run);
		fputs("</section>\n", out);
	}
	inputs_section(out, rep->run, 1);
	page_close(out);
	free(view.chart);
}

/* trend: small multiples, one line chart per LA with the region's line in each */

#define SM_W 240
#define SM_H 150
#define SM_L 40    /* room for the y-axis labels */
#define SM_R 24    /* room for half the last date label */
#define SM_T 18    /* room for a value label above the highest point */
#define SM_B 34    /* room for the date labels: month, then year */
#define SM_TICK 11 /* the charts' tick font size, in viewBox units */

/*
 * What every small multiple shares: one y range, so the charts compare at a
 * glance, fitted to the data (a fixed 0-100% axis flattens the one- to
 * three-point changes that matter), and which dates are labelled.
 */
struct sm_axis {
	long lo, hi;       /* tenths of a percent, multiples of 5% */
	size_t ndates;
	size_t step;       /* label every step-th date, counting back from the latest */
	int days;          /* label the day too: two snapshots share a month */
	int region;        /* draw the region's line in the LAs' charts: more than one LA */
};

static int
sm_x(size_t k, size_t ndates)
{
	return ndates < 2 ? SM_L + (SM_W - SM_L - SM_R) / 2
			  : SM_L + (int)(k * (size_t)(SM_W - SM_L - SM_R) / (ndates - 1));
}

/* Utilisation in tenths of a percent to y; the axis's range fills the plot. */
static int
sm_y(const struct sm_axis *ax, long tenths)
{
	return SM_T + (int)((ax->hi - tenths) * (SM_H - SM_T - SM_B) / (ax->hi - ax->lo));
}

static int
sm_labelled(const struct sm_axis *ax, size_t k)
{
	return (ax->ndates - 1 - k) % ax->step == 0;
}

/*
 * A date label: "Sep" (or "15 Sep" when two snapshots share a month) on one
 * line, and the year under it where the year differs from the previous
 * label's, so the labels stay short enough to sit side by side.
 */
static void
sm_date(FILE *out, const struct sm_axis *ax, int x, int date, int *year)
{
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
					    "Aug", "Sep", "Oct", "Nov", "Dec" };
	char iso[FB_DATE_LEN + 1];
	int y, m, d, base = SM_H - SM_B;

	fb_date_format(date, iso);
	y = atoi(iso);
	m = atoi(iso + 5);
	d = atoi(iso + 8);
	fprintf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">", x,
		base + 16);
	if (ax->days)
		fprintf(out, "%d ", d);
	fprintf(out, "%s</text>", months[(m + 11) % 12]);
	if (y != *year)
		fprintf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
			"%d</text>", x, base + 29, y);
	*year = y;
}

/*
 * The range: the lowest and highest rate of any row, widened by a point
 * above and three below (room for a value label under the lowest point) and
 * out to multiples of 5%, at least 10 points tall.  The date labels: the
 * widest (a year) is guessed at 0.64 em a character (wide fonts such as
 * DejaVu Sans need that), and dates are skipped until labels 8 units apart fit.
 */
static void
sm_axis_fit(struct sm_axis *ax, const struct fb_trend *tr)
{
	long lo = 1000, hi = 0;
	int last_month = -1;
	size_t prev = (size_t)-1;
	int width, gap;

	for (size_t i = 0; i < tr->n; i++) {
		long v = fb_pct_tenths(tr->rows[i].counts.filled, tr->rows[i].counts.approved);

		if (v == FB_PCT_NONE)
			continue;
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
	}
	if (lo > hi)
		lo = hi = 500;
	lo = (lo - 30) < 0 ? 0 : (lo - 30) / 50 * 50;
	hi = (hi + 10) >= 1000 ? 1000 : (hi + 10 + 49) / 50 * 50;
	if (hi - lo < 100) {
		hi = lo + 100 > 1000 ? 1000 : lo + 100;
		lo = hi - 100;
	}
	ax->lo = lo;
	ax->hi = hi;
	ax->ndates = tr->ndates ? tr->ndates : 1;
	ax->days = 0;
	for (size_t i = 0; i < tr->n; i++) {
		char iso[FB_DATE_LEN + 1];
		int month;

		if (tr->rows[i].la_code != FB_LA_ALL)
			continue;
		fb_date_format(tr->rows[i].date, iso);
		month = atoi(iso) * 12 + atoi(iso + 5);
		if (prev != (size_t)-1 && month == last_month)
			ax->days = 1;
		last_month = month;
		prev = i;
	}
	width = (ax->days ? 6 : 4) * 64 * SM_TICK / 100;
	gap = ax->ndates < 2 ? SM_W : (SM_W - SM_L - SM_R) / (int)(ax->ndates - 1);
	ax->step = 1;
	while ((int)ax->step * gap < width + 8)
		ax->step++;
}

/* The snapshot index of date among the run's dates. */
static size_t
date_index(const struct fb_trend *tr, int date)
{
	size_t k = 0;

	for (size_t i = 0; i < tr->n; i++)
		if (tr->rows[i].la_code == FB_LA_ALL && tr->rows[i].date < date)
			k++;
	return k;
}

/*
 * One series as polylines, broken at a gap (a snapshot the LA lacks), so a
 * missing quarter is never drawn as if the line went straight through it.
 */
static void
polyline(FILE *out, const struct fb_trend *tr, const struct sm_axis *ax, size_t from, size_t to,
	 const char *cls)
{
	size_t last = (size_t)-1;

	for (size_t i = from; i < to; i++) {
		long v = fb_pct_tenths(tr->rows[i].counts.filled, tr->rows[i].counts.approved);
		size_t k = date_index(tr, tr->rows[i].date);

		if (v == FB_PCT_NONE)
			continue;
		if (last == (size_t)-1 || k != last + 1)
			fprintf(out, "%s<polyline class=\"%s\" points=\"",
				last == (size_t)-1 ? "" : "\"/>", cls);
		else
			fputc(' ', out);
		fprintf(out, "%d,%d", sm_x(k, tr->ndates), sm_y(ax, v));
		last = k;
	}
	if (last != (size_t)-1)
		fputs("\"/>", out);
}

/* A value at the first or last date leans inwards, clear of the y-axis labels. */
static const char *
edge_anchor(size_t k, size_t ndates)
{
	if (ndates < 2)
		return "middle";
	return k == 0 ? "start" : k + 1 == ndates ? "end" : "middle";
}

/*
 * Whether row i's value label goes under its point: when the region's line
 * passes at or above the point there, so the dashed line never crosses it,
 * and the point sits high enough for the label to clear the date labels.
 */
static int
below(const struct fb_trend *tr, const struct sm_axis *ax, size_t i, size_t region)
{
	long v = fb_pct_tenths(tr->rows[i].counts.filled, tr->rows[i].counts.approved);
	long r;

	if (i == region || region >= tr->n)
		return 0;
	r = fb_pct_tenths(tr->rows[region].counts.filled, tr->rows[region].counts.approved);
	return r != FB_PCT_NONE && sm_y(ax, r) <= sm_y(ax, v) + 4 &&
	       sm_y(ax, v) <= SM_H - SM_B - 12;
}

/* The y-axis: gridlines at the range's ends, and its middle when that is a whole percent. */
static void
sm_grid(FILE *out, const struct sm_axis *ax)
{
	long mid = (ax->lo + ax->hi) / 2;

	for (int g = 0; g < 3; g++) {
		long v = g == 0 ? ax->lo : g == 1 ? mid : ax->hi;

		if (g == 1 && mid % 10)
			continue;
		fprintf(out, "<line class=\"%s\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>"
			"<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%ld%%</text>",
			g ? "grid" : "axis", SM_L, SM_W - SM_R + 8, sm_y(ax, v), sm_y(ax, v),
			SM_L - 4, sm_y(ax, v) + 4, v / 10);
	}
}

static void
small_multiple(FILE *out, const struct fb_trend_report *rep, const struct sm_axis *ax,
	       size_t from, size_t to, size_t region_from)
{
	const struct fb_trend *tr = rep->trend;
	char namebuf[FB_CELL_BUF], codebuf[FB_CELL_BUF], date[FB_DATE_LEN + 1];
	int num, la = tr->rows[from].la_code;
	const char *name = fb_trend_cell(rep, &tr->t[from], 1, namebuf, &num);
	const char *code = fb_trend_cell(rep, &tr->t[from], 0, codebuf, &num);
	long v;
	int year = 0;

	fprintf(out, "<li><figure><figcaption>%s ", la == FB_LA_ALL ? "" : code);
	esc(out, name);
	fprintf(out, "</figcaption>\n<svg class=\"la-trend\" data-la=\"%s\" viewBox=\"0 0 %d %d\" "
		"role=\"img\" aria-labelledby=\"tr%s-t tr%s-d\"><title id=\"tr%s-t\">Utilisation "
		"including respite/emergency: ", code, SM_W, SM_H, code, code, code);
	esc(out, *name ? name : code);
	fprintf(out, "</title><desc id=\"tr%s-d\">", code);
	for (size_t i = from; i < to; i++) {
		char val[FB_PCT_BUF];

		fb_date_format(tr->rows[i].date, date);
		v = fb_pct_tenths(tr->rows[i].counts.filled, tr->rows[i].counts.approved);
		fprintf(out, "%s%s: %s%%", i > from ? "; " : "", date, fb_pct_format(v, val));
	}
	fprintf(out, ". The axis runs from %ld%% to %ld%%%s.</desc>\n", ax->lo / 10, ax->hi / 10,
		la == FB_LA_ALL || !ax->region ? "" : "; the dashed line is the region");
	sm_grid(out, ax);
	if (la != FB_LA_ALL && ax->region)
		polyline(out, tr, ax, region_from, tr->n, "trend-region");
	polyline(out, tr, ax, from, to, la == FB_LA_ALL ? "trend-la region" : "trend-la");
	for (size_t i = from; i < to; i++) {
		char val[FB_PCT_BUF];
		size_t k = date_index(tr, tr->rows[i].date);

		v = fb_pct_tenths(tr->rows[i].counts.filled, tr->rows[i].counts.approved);
		if (v == FB_PCT_NONE)
			continue;
		fprintf(out, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"/>", sm_x(k, tr->ndates),
			sm_y(ax, v), C_FILLED);
		if (sm_labelled(ax, k))
			fprintf(out, "<text class=\"val\" x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s"
				"</text>", sm_x(k, tr->ndates),
				sm_y(ax, v) + (ax->region && below(tr, ax, i, region_from + k) ? 15 : -6),
				edge_anchor(k, tr->ndates), fb_pct_format(v, val));
	}
	for (size_t k = 0, i = region_from; i < tr->n; i++, k++)
		if (sm_labelled(ax, k))
			sm_date(out, ax, sm_x(k, tr->ndates), tr->rows[i].date, &year);
	fputs("</svg></figure></li>\n", out);
}

static const char *
trend_cell(const void *ctx, size_t r, size_t i, char *buf, int *num)
{
	const struct fb_trend_report *rep = ctx;

	return fb_trend_cell(rep, &rep->trend->t[r], i, buf, num);
}

static int
trend_pooled(const void *ctx, size_t r)
{
	return ((const struct fb_trend_report *)ctx)->trend->t[r].now->la_code == FB_LA_ALL;
}

static const char *const trend_headings[] = {
	"LA", "Name", "Date", "Approved", "Incl %", "Excl %", "Vacant %", "Unavail %",
	"Incl pp", "Excl pp", "Vacant pp", "Since", "Note",
};
static const size_t trend_shown[] = { 0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 15 };

static void
trend(FILE *out, const struct fb_trend_report *rep)
{
	const struct fb_trend *tr = rep->trend;
	struct table t = { "trend", trend_headings, trend_shown, 13, 3, tr->n, NULL, 0,
			   trend_cell, trend_pooled, rep, 13 };
	size_t region_from = tr->n;
	struct sm_axis ax;
	char namebuf[FB_CELL_BUF], code[16];
	const char *name, *title = rep->region_name;
	int num, one = 1;

	while (region_from > 0 && tr->rows[region_from - 1].la_code == FB_LA_ALL)
		region_from--;
	sm_axis_fit(&ax, tr);
	for (size_t i = 1; i < region_from && one; i++)
		one = tr->rows[i].la_code == tr->rows[0].la_code;
	ax.region = !one;
	if (one && region_from) {
		name = fb_trend_cell(rep, &tr->t[0], 1, namebuf, &num);
		title = la_label(name, tr->rows[0].la_code, code);
	}
	page_open(out, "Foster-bed utilisation over time", title);
	masthead_open(out, "Foster-bed utilisation over time", title);
	masthead_close(out);
	rejected_note(out, rep->run);
	fputs("<section>\n<h2>Utilisation including respite/emergency, by snapshot</h2>\n"
	      "<p>", out);
	fputs(one ? "A gap in the line is a snapshot the LA has no records for, never a zero."
		  : "One small chart per LA, the region's line dashed in each; a gap in a line "
		  "is a snapshot the LA has no records for, never a zero.", out);
	fprintf(out, " Every chart's vertical axis runs from %ld%% to %ld%%%s.", ax.lo / 10,
		ax.hi / 10, ax.lo ? ", not from zero, so that a change of a point or two shows" : "");
	if (ax.step > 1)
		fprintf(out, " One date in %zu is labelled, counting back from the latest; the "
			"table below has them all.", ax.step);
	fputs("</p>\n<ul class=\"multiples\">\n", out);
	/* One LA: the region's chart would be its own again. */
	if (region_from < tr->n && (!one || !region_from))
		small_multiple(out, rep, &ax, region_from, tr->n, region_from);
	for (size_t i = 0; i < region_from;) {
		size_t j = i;

		while (j < region_from && tr->rows[j].la_code == tr->rows[i].la_code)
			j++;
		small_multiple(out, rep, &ax, i, j, region_from);
		i = j;
	}
	fputs("</ul>\n</section>\n<section>\n<h2>Figures and changes</h2>\n<p>pp = the change "
	      "in percentage points since the same LA's previous snapshot (Since).</p>\n", out);
	table(out, &t);
	fputs("</section>\n", out);
	inputs_section(out, rep->run, 1);
	page_close(out);
}

/* Any document: its tables, with its notes around them */

static void
doc_cell(FILE *out, const struct fb_cell *c)
{
	char buf[FB_DOC_CELL_BUF];

	switch (c->kind) {
	case FB_CK_EMPTY:
		fputs("<td class=\"num na\">" DASH, out);
		break;
	case FB_CK_COUNT:
		fputs("<td class=\"num\">", out);
		count(out, c->n);
		break;
	case FB_CK_RATE:
		fputs("<td class=\"num\">", out);
		pct(out, c->n);
		break;
	case FB_CK_PP:
		fputs("<td class=\"num\">", out);
		pp(out, c->n);
		break;
	case FB_CK_MONEY:
		fputs("<td class=\"num\">&pound;", out);
		esc(out, fb_cell_format(c, buf));
		break;
	default:
		fputs("<td>", out);
		esc(out, fb_cell_format(c, buf));
	}
	fputs("</td>", out);
}

/* The columns a person reads (those with a brief heading), pooled rows apart. */
static void
doc_table(FILE *out, const struct fb_table *t)
{
	int was = 0;

	fputs("<div class=\"table-wrap\"><table class=\"figures\">\n<thead>\n<tr>", out);
	for (size_t i = 0; i < t->ncols; i++) {
		if (!t->cols[i].brief)
			continue;
		fputs(fb_cell_kind_numeric(t->cols[i].kind) ? "<th scope=\"col\" class=\"num\">"
							    : "<th scope=\"col\">", out);
		esc(out, t->cols[i].title ? t->cols[i].title : t->cols[i].brief);
		fputs("</th>", out);
	}
	fputs("</tr>\n</thead>\n<tbody>\n", out);
	for (size_t r = 0; r < t->nrows; r++) {
		if (t->pooled[r] != was)
			fputs(t->pooled[r] ? "</tbody>\n<tbody class=\"pooled\">\n"
					   : "</tbody>\n<tbody>\n", out);
		was = t->pooled[r];
		fputs(was ? "<tr class=\"region\">" : "<tr>", out);
		for (size_t i = 0; i < t->ncols; i++)
			if (t->cols[i].brief)
				doc_cell(out, fb_table_cell(t, r, i));
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table></div>\n", out);
}

static void
doc_notes(FILE *out, const struct fb_doc *d, enum fb_note_place place)
{
	for (size_t i = 0; i < d->nnotes; i++)
		if (d->notes[i].place == place) {
			fputs("<p class=\"note\">", out);
			esc(out, d->notes[i].text);
			fputs("</p>\n", out);
		}
}

static int
write_doc(FILE *out, const struct fb_doc *d, struct fb_error *e)
{
	int defined = 0;

	page_open(out, d->title, d->subject);
	masthead_open(out, d->title, d->subject ? d->subject : d->title);
	masthead_close(out);
	doc_notes(out, d, FB_NOTE_INTRO);
	for (size_t t = 0; t < d->ntables; t++) {
		fputs("<section class=\"figures\">\n<h2>", out);
		esc(out, d->tables[t].name);
		fputs("</h2>\n", out);
		if (d->tables[t].nrows || !d->tables[t].empty) {
			doc_table(out, &d->tables[t]);
		} else {
			fputs("<p class=\"note\">", out);
			esc(out, d->tables[t].empty);
			fputs("</p>\n", out);
		}
		fputs("</section>\n", out);
	}
	doc_notes(out, d, FB_NOTE_AFTER);
	for (size_t i = 0; i < d->nnotes; i++) {
		const struct fb_note *n = &d->notes[i];
		char buf[FB_CELL_BUF];

		if (n->place != FB_NOTE_DEFINE)
			continue;
		if (!defined++)
			fputs("<section class=\"definitions\">\n<h2>What the columns mean</h2>\n"
			      "<dl>\n", out);
		fputs("<div><dt>", out);
		/* The person's title when the column has one, else its machine name. */
		snprintf(buf, sizeof(buf), "%s", n->key);
		for (size_t t = 0; t < d->ntables; t++)
			for (size_t c = 0; c < d->tables[t].ncols; c++)
				if (strcmp(d->tables[t].cols[c].name, n->key) == 0 &&
				    d->tables[t].cols[c].title)
					snprintf(buf, sizeof(buf), "%s", d->tables[t].cols[c].title);
		esc(out, buf);
		fputs("</dt><dd>", out);
		esc(out, n->text);
		fputs("</dd></div>\n", out);
	}
	if (defined)
		fputs("</dl>\n</section>\n", out);
	if (d->run)
		inputs_section(out, d->run, 1);
	page_close(out);
	return fb_writer_stream_result(out, e);
}

const struct fb_writer fb_writer_html = {
	.name = "html", .write = write_doc, .findings = findings, .report = report,
	.reconcile = reconcile, .ofsted = ofsted, .trend = trend,
};
