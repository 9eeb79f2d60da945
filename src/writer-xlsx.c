/*
 * writer-xlsx.c: Excel workbooks (.xlsx), through libxlsxwriter.
 *
 * Any document is a workbook of its tables, a sheet each, written from
 * their typed cells by doc_sheet() alone: the figures, then the run's
 * Findings and Inputs (tables the builder added, fb_doc_run_tables()), then
 * the Notes that say what the figures mean (a table of text cells the
 * writer makes: what made the workbook, the document's keyed notes, how
 * its numbers are stored).  Every sheet is one table: a bold header row,
 * frozen, with an autofilter over the data and columns as wide as their
 * longest value (up to 60 characters).  Pooled (region) rows are bold.
 *
 * Column titles are for people ("Utilisation incl. respite (%)"); the CSV
 * and JSON keep the machine names (utilisation_incl_pct), from which the
 * titles are made by column_title() when a column has none.  Every sheet
 * prints landscape on A4, one page wide, with the title row repeated on
 * every page, so a row's name and figures are never on different pages.
 *
 * The cell's kind decides how it is stored, never its column's name:
 * counts as numbers; a rate as the fraction the builder worked out (66.3%
 * is 0.663) with the number format "0.0%", so Excel shows exactly the
 * one-decimal figure of the CSV and no spreadsheet rounding is involved;
 * a difference in points as the number of points with a +0.0 "pp" format,
 * never a percentage; money in £#,##0.00, hundredths in 0.00; a flag as a boolean.  An empty
 * cell is blank, never 0.
 *
 * Nothing here can run: every piece of text, above all text from the input
 * (file names, values and messages in findings, a region name), is written
 * with worksheet_write_string() as a shared string, which Excel never
 * evaluates, so `=HYPERLINK(...)` is stored and shown as those characters.
 * No cell is ever written with worksheet_write_formula(), and libxlsxwriter
 * (unlike Python's XlsxWriter) never turns strings into formulas or numbers.
 * Text that is not UTF-8 (a file name) is written with \xHH escapes, so the
 * workbook stays well-formed XML.
 *
 * libxlsxwriter writes to a file name, while writers are handed a FILE *:
 * the workbook is made under the scratch name the command gives
 * (write_scratch(), writer.h: an owner-only file beside the output, which
 * the command removes, on a signal too), or for write() a private
 * temporary file of its own in $TMPDIR, and its bytes are then copied to
 * out.  Every libxlsxwriter call that can fail is checked and the first
 * failure ends the workbook (struct book).  A workbook that cannot be made
 * is reported through struct fb_error alone (fail()); nothing here is kept
 * between calls.
 */
#include "fosterbeds/writer.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_FORK
#include <signal.h>
#include <sys/wait.h>
#endif
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <xlsxwriter.h>

#include "fosterbeds/filter.h"
#include "fosterbeds/findings.h"
#include "fosterbeds/profile.h"
#include "fosterbeds/standard.h"
#include "util.h"

#define MAX_WIDTH 60
#define MIN_WIDTH 8
#define PP_FORMAT "+0.0 \"pp\";-0.0 \"pp\";0.0 \"pp\""

/*
 * After the first call that fails nothing more is asked of libxlsxwriter
 * but to free the workbook: a failed allocation can leave a sheet it will
 * crash on (a row that is NULL in its tree), so every step below checks
 * b->err first, and a failed workbook is freed, never closed.
 */
struct book {
	lxw_workbook *wb;
	lxw_format *bold, *pct, *bold_pct, *title, *pp, *bold_pp, *money, *bold_money;
	lxw_format *dec2, *bold_dec2;
	lxw_error err;        /* the first error met, LXW_NO_ERROR if none */
};

static void
check(struct book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
		b->err = e;
}

static int
ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);

	return n > m && strcmp(s + n - m, end) == 0;
}

/* Titles whose words are not just the machine name's: the rest are made by rule. */
static const struct {
	const char *name, *title;
} titles[] = {
	{ "la_code", "LA code" },
	{ "la_name", "LA name" },
	{ "respite_emergency", "Respite/emergency beds" },
	{ "utilisation_incl_pct", "Utilisation incl. respite (%)" },
	{ "utilisation_excl_pct", "Utilisation excl. respite (%)" },
	{ "utilisation_incl_pp_change", "Utilisation incl. respite, change (pp)" },
	{ "utilisation_excl_pp_change", "Utilisation excl. respite, change (pp)" },
	{ "las_pooled", "LAs pooled" },
	{ "pooled_la_codes", "Pooled LA codes" },
	{ "bed_group", "Bed group" },
	{ "share_pct", "Share of group (%)" },
	{ "what_to_do", "What to do" },
	{ "rows_read", "Rows read" },
	{ "rows_used", "Rows used" },
	{ "rows_rejected", "Rows rejected" },
	{ "rejected_by", "Rejected by" },
	{ "ofsted_status", "Ofsted status" },
};

/*
 * A column's title: from the table above, or by rule, so a column added
 * later gets a readable one too: words apart, the first capitalised, "la"
 * as "LA" ("las" as "LAs"), "incl"/"excl" as "incl."/"excl.", and a unit in brackets at the
 * end: "_pct" (%), "_pp_diff" difference (pp), "_pp_change" change (pp).
 */
static const char *
column_title(const char *name, char buf[FB_CELL_BUF])
{
	static const struct {
		const char *end, *words;
	} units[] = {
		{ "_pp_diff", ", difference (pp)" },
		{ "_pp_change", ", change (pp)" },
		{ "_pct", " (%)" },
	};
	const char *unit = "";
	size_t len = strlen(name), n = 0;

	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (strcmp(name, titles[i].name) == 0)
			return titles[i].title;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (ends_with(name, units[i].end)) {
			len -= strlen(units[i].end);
			unit = units[i].words;
			break;
		}
	for (size_t i = 0; i < len && n + 8 < FB_CELL_BUF;) {
		size_t w = strcspn(name + i, "_");

		if (w > len - i)
			w = len - i;
		if (n)
			buf[n++] = ' ';
		if (w == 2 && strncmp(name + i, "la", 2) == 0) {
			memcpy(buf + n, "LA", 2);
			n += 2;
		} else if (w == 3 && strncmp(name + i, "las", 3) == 0) {
			memcpy(buf + n, "LAs", 3);
			n += 3;
		} else {
			size_t k = w < FB_CELL_BUF - 8 - n ? w : FB_CELL_BUF - 8 - n;

			memcpy(buf + n, name + i, k);
			n += k;
			if ((w == 4 && (strncmp(name + i, "incl", 4) == 0 ||
					strncmp(name + i, "excl", 4) == 0)))
				buf[n++] = '.';
		}
		i += w + 1;
	}
	if (n && buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	snprintf(buf + n, FB_CELL_BUF - n, "%s", unit);
	return buf;
}

/* Characters (not bytes) in UTF-8 text, for column widths. */
static size_t
text_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/*
 * Write text as a string cell.  Bytes that are not UTF-8 become \xHH, as
 * in findings.  An empty string writes nothing, or a blank cell in bold.
 */
static void
put_string(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
	   lxw_format *fmt)
{
	size_t len = strlen(s), i = 0, n = 0;
	char *clean = NULL;

	if (b->err)
		return;
	if (!len) {
		if (fmt)
			check(b, worksheet_write_blank(ws, row, col, fmt));
		return;
	}
	while (i < len) {
		size_t k = fb_utf8_seq((const unsigned char *)s + i, len - i);

		if (!k)
			break;
		i += k;
	}
	if (i < len) {
		clean = fb_xmalloc(4 * len + 1);
		for (i = 0; i < len;) {
			size_t k = fb_utf8_seq((const unsigned char *)s + i, len - i);

			if (k) {
				memcpy(clean + n, s + i, k);
				n += k;
				i += k;
			} else {
				n += (size_t)sprintf(clean + n, "\\x%02X", (unsigned char)s[i++]);
			}
		}
		clean[n] = '\0';
		s = clean;
	}
	check(b, worksheet_write_string(ws, row, col, s, fmt));
	free(clean);
}

/* The longest word of a title, which its column must fit: the rest wraps. */
static size_t
longest_word(const char *s)
{
	size_t best = 0;

	while (*s) {
		size_t w = strcspn(s, " ");
		char word[FB_CELL_BUF];

		snprintf(word, sizeof(word), "%.*s", (int)(w < sizeof(word) - 1 ? w : sizeof(word) - 1), s);
		if (text_width(word) > best)
			best = text_width(word);
		s += w;
		s += *s == ' ';
	}
	return best;
}

/*
 * Printing: landscape A4, every column on one page wide (as many pages
 * down as the rows need), the title row on every page, and the sheet's name
 * and page number in the footer.
 */
static void
print_setup(struct book *b, lxw_worksheet *ws)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);   /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.6);
	check(b, worksheet_repeat_rows(ws, 0, 0));
	if (!b->err)
		check(b, worksheet_set_footer(ws, "&L&A&RPage &P of &N"));
}

/*
 * A sheet's table written, its header row frozen, an autofilter over it,
 * columns as wide as their widest value (width[i] characters), the titles
 * wrapped (title[i] characters each), and the print setup.  Frees width
 * and title.
 */
static void
finish_sheet(struct book *b, lxw_worksheet *ws, size_t ncols, size_t nrows, size_t *width,
	     size_t *title)
{
	size_t lines = 1;

	if (b->err)
		goto done;
	worksheet_freeze_panes(ws, 1, 0);
	if (ncols)
		check(b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)nrows, (lxw_col_t)(ncols - 1)));
	for (size_t i = 0; i < ncols && !b->err; i++) {
		size_t w = width[i] + 2;

		w = w < MIN_WIDTH ? MIN_WIDTH : w > MAX_WIDTH ? MAX_WIDTH : w;
		check(b, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, (double)w, NULL));
		/* The titles wrap within their columns: as many lines as the widest needs. */
		if ((title[i] + w - 3) / (w - 2) > lines)
			lines = (title[i] + w - 3) / (w - 2);
	}
	if (!b->err)
		check(b, worksheet_set_row(ws, 0, 15.0 * (double)lines, b->title));
	if (!b->err)
		print_setup(b, ws);
done:
	free(title);
	free(width);
}

/* The workbook on a private temporary file, copied to out */

/*
 * When the workbook cannot be made, or its file cannot be read back, *e
 * says why (err the cause, EIO when there is none) and write() returns -1:
 * the command then exits 3 and, with -o, removes its temporary file
 * instead of renaming it into place (writer.h, cli.c).  When the workbook
 * itself could not be made nothing has been copied to out; when reading it
 * back failed part of it may have been, but a failed workbook is never
 * reported as a success.
 */
static void
fail(struct fb_error *e, int err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
fail(struct fb_error *e, int err, const char *fmt, ...)
{
	static const char what[] = "cannot make the workbook: ";
	va_list ap;

	memcpy(e->message, what, sizeof(what));
	va_start(ap, fmt);
	vsnprintf(e->message + sizeof(what) - 1, sizeof(e->message) - sizeof(what) + 1, fmt, ap);
	va_end(ap);
	e->err = err ? err : EIO;
}

/* Copy the file open on fd, from its start, to out. */
static int
copy_out(int fd, FILE *out)
{
	char buf[1 << 16];
	ssize_t n;

	if (lseek(fd, 0, SEEK_SET) != 0)
		return -1;
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (fwrite(buf, 1, (size_t)n, out) != (size_t)n)
			return 0;   /* out's error indicator is set: the command reports it */
	}
	return 0;
}

static void fill_doc(struct book *b, const struct fb_doc *d);

/*
 * Make d's workbook under the name scratch (its own temporary files
 * beside it); 0, or -1 with *e when it failed.
 */
static int
make_book(const struct fb_doc *d, const char *scratch, struct fb_error *e)
{
	struct book b = { 0 };
	lxw_workbook_options opts = { 0 };
	const char *slash = strrchr(scratch, '/');

	/* libxlsxwriter's own temporary files are unlinked once open. */
	opts.tmpdir = fb_xstrdup(slash ? scratch : ".");
	if (slash)
		opts.tmpdir[slash == scratch ? 1 : slash - scratch] = '\0';
	b.wb = workbook_new_opt(scratch, &opts);
	if (!b.wb) {
		fail(e, ENOMEM, "libxlsxwriter could not start one");
		free(opts.tmpdir);
		return -1;
	}
	b.bold = workbook_add_format(b.wb);
	b.pct = workbook_add_format(b.wb);
	b.bold_pct = workbook_add_format(b.wb);
	b.title = workbook_add_format(b.wb);
	b.pp = workbook_add_format(b.wb);
	b.bold_pp = workbook_add_format(b.wb);
	b.money = workbook_add_format(b.wb);
	b.bold_money = workbook_add_format(b.wb);
	b.dec2 = workbook_add_format(b.wb);
	b.bold_dec2 = workbook_add_format(b.wb);
	if (!b.bold || !b.pct || !b.bold_pct || !b.title || !b.pp || !b.bold_pp || !b.money ||
	    !b.bold_money || !b.dec2 || !b.bold_dec2) {
		check(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	} else {
		format_set_bold(b.bold);
		format_set_num_format(b.pct, "0.0%");
		format_set_bold(b.bold_pct);
		format_set_num_format(b.bold_pct, "0.0%");
		format_set_bold(b.title);
		format_set_text_wrap(b.title);
		format_set_align(b.title, LXW_ALIGN_VERTICAL_BOTTOM);
		/* Points, never a percentage: +1.5 pp is the number 1.5. */
		format_set_num_format(b.pp, PP_FORMAT);
		format_set_bold(b.bold_pp);
		format_set_num_format(b.bold_pp, PP_FORMAT);
		format_set_num_format(b.money, "\"£\"#,##0.00");
		format_set_bold(b.bold_money);
		format_set_num_format(b.bold_money, "\"£\"#,##0.00");
		format_set_num_format(b.dec2, "0.00");
		format_set_bold(b.bold_dec2);
		format_set_num_format(b.bold_dec2, "0.00");
		fill_doc(&b, d);
	}
	/* A failed workbook is freed unwritten: closing it would package it. */
	if (b.err == LXW_NO_ERROR)
		check(&b, workbook_close(b.wb));
	else
		lxw_workbook_free(b.wb);
	free(opts.tmpdir);
	if (b.err != LXW_NO_ERROR) {
		fail(e, b.err == LXW_ERROR_MEMORY_MALLOC_FAILED ? ENOMEM : EIO, "%s",
		     lxw_strerror(b.err));
		return -1;
	}
	return 0;
}

#ifdef HAVE_FORK
/*
 * make_book() in a child process.  libxlsxwriter 1.1.4 does not check
 * every allocation it makes (a sheet's new row: _get_row_list() inserts a
 * NULL row into its tree and crashes on it), so when memory is short it
 * can crash inside a call, before any result could say so.  The child
 * makes the workbook and sends its struct fb_error back through a pipe; a
 * child that died is a workbook that could not be made, and the command
 * goes on to say so and remove its files.
 */
static int
make_book_apart(const struct fb_doc *d, const char *scratch, struct fb_error *e)
{
	int fds[2], status, rc;
	pid_t pid;
	ssize_t n = 0;
#ifdef __linux__
	pid_t parent = getpid();
#endif

	if (pipe(fds) != 0) {
		fail(e, errno, "no pipe: %s", strerror(errno));
		return -1;
	}
	if ((pid = fork()) < 0) {
		fail(e, errno, "no process to make it in: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		/* A fault ends the child alone: the caller's handlers would remove its files. */
		static const int faults[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL };

		for (size_t i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
			signal(faults[i], SIG_DFL);
#ifdef __linux__
		/*
		 * A signal that ends the caller (which removes scratch) ends
		 * the child too, or it would make the workbook again there.
		 */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
			_exit(1);
#endif
		close(fds[0]);
		rc = make_book(d, scratch, e);
		if (rc != 0 && write(fds[1], e, sizeof(*e)) != (ssize_t)sizeof(*e))
			rc = -1;
		_exit(rc == 0 ? 0 : 1);
	}
	close(fds[1]);
	while ((n = read(fds[0], e, sizeof(*e))) < 0 && errno == EINTR)
		;
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			fail(e, errno, "lost its process: %s", strerror(errno));
			return -1;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFSIGNALED(status))
		fail(e, ENOMEM, "libxlsxwriter stopped on signal %d (memory short?)",
		     WTERMSIG(status));
	else if (n != (ssize_t)sizeof(*e))
		fail(e, EIO, "libxlsxwriter failed");
	e->message[sizeof(e->message) - 1] = '\0';
	return -1;
}
#else
#define make_book_apart make_book   /* WebAssembly: no processes */
#endif

/* Make d's workbook under the name scratch, then copy it to out; 0, or -1 with *e. */
static int
write_book(FILE *out, const struct fb_doc *d, const char *scratch, struct fb_error *e)
{
	int fd, rc = -1;

	if (make_book_apart(d, scratch, e) != 0)
		return -1;
	if ((fd = open(scratch, O_RDONLY)) < 0 || copy_out(fd, out) != 0)
		fail(e, errno, "reading it back from %s: %s", scratch, strerror(errno));
	else
		rc = 0;
	if (fd >= 0)
		close(fd);
	return rc;
}

/* write(): a scratch file of its own in $TMPDIR (or /tmp), owner-only, always removed. */
static int
write_book_tmpdir(FILE *out, const struct fb_doc *d, struct fb_error *e)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	size_t size;
	int fd, rc;

	if (!dir || !*dir)
		dir = "/tmp";
	size = strlen(dir) + sizeof("/fosterbeds-XXXXXX");
	path = fb_xmalloc(size);
	snprintf(path, size, "%s/fosterbeds-XXXXXX", dir);
	if ((fd = mkstemp(path)) < 0) {
		int en = errno;

		fail(e, en, "no temporary file in %s: %s", dir, strerror(en));
		free(path);
		return -1;
	}
	close(fd);
	rc = write_book(out, d, path, e);
	unlink(path);
	free(path);
	return rc;
}

/* Any document */

/*
 * One of a document's tables on a sheet of its own, each cell by its kind: counts as numbers, rates as fractions in
 * 0.0%, differences in points in +0.0 "pp", money in #,##0.00, and every
 * text (input above all) and date as a string, never a formula.  A column
 * for JSON or the page only is left out.
 */
static size_t
doc_sheet(struct book *b, const struct fb_table *t)
{
	lxw_worksheet *ws = b->err ? NULL : workbook_add_worksheet(b->wb, t->name);
	size_t nrows = t->nrows < LXW_ROW_MAX - 1 ? t->nrows : LXW_ROW_MAX - 1;
	size_t *width, *title, *shown, ncols = 0;
	char buf[FB_CELL_BUF], text[FB_DOC_CELL_BUF];

	if (b->err)
		return 0;
	if (!ws) {
		check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return 0;
	}
	width = fb_xcalloc(t->ncols + 1, sizeof(*width));
	title = fb_xcalloc(t->ncols + 1, sizeof(*title));
	shown = fb_xcalloc(t->ncols + 1, sizeof(*shown));
	for (size_t i = 0; i < t->ncols; i++)
		if (!(t->cols[i].flags & (FB_COL_JSON_ONLY | FB_COL_PAGE_ONLY)))
			shown[ncols++] = i;
	for (size_t i = 0; i < ncols; i++) {
		const struct fb_column *k = &t->cols[shown[i]];
		const char *h = k->title ? k->title : column_title(k->name, buf);

		put_string(b, ws, 0, (lxw_col_t)i, h, b->title);
		title[i] = text_width(h);
		width[i] = longest_word(h);
	}
	for (size_t r = 0; r < nrows && !b->err; r++) {
		int bold = t->pooled[r];
		lxw_row_t row = (lxw_row_t)(r + 1);

		for (size_t i = 0; i < ncols && !b->err; i++) {
			const struct fb_cell *c = fb_table_cell(t, r, shown[i]);
			lxw_col_t col = (lxw_col_t)i;
			size_t w = text_width(fb_cell_format(c, text));

			switch (c->kind) {
			case FB_CK_COUNT:
				check(b, worksheet_write_number(ws, row, col, (double)c->n,
								bold ? b->bold : NULL));
				break;
			case FB_CK_RATE:
				check(b, worksheet_write_number(ws, row, col, (double)c->n / 1000.0,
								bold ? b->bold_pct : b->pct));
				w++;   /* the % sign */
				break;
			case FB_CK_PP:
				check(b, worksheet_write_number(ws, row, col, (double)c->n / 10.0,
								bold ? b->bold_pp : b->pp));
				w += 4;   /* the sign and " pp" */
				break;
			case FB_CK_MONEY:
				check(b, worksheet_write_number(ws, row, col, (double)c->n / 100.0,
								bold ? b->bold_money : b->money));
				break;
			case FB_CK_HUNDREDTHS:
				check(b, worksheet_write_number(ws, row, col, (double)c->n / 100.0,
								bold ? b->bold_dec2 : b->dec2));
				break;
			case FB_CK_FLAG:
				check(b, worksheet_write_boolean(ws, row, col, c->n != 0,
								 bold ? b->bold : NULL));
				break;
			default:
				put_string(b, ws, row, col, fb_cell_format(c, text),
					   bold ? b->bold : NULL);
			}
			if (w > width[i])
				width[i] = w;
		}
	}
	free(shown);
	finish_sheet(b, ws, ncols, nrows, width, title);
	return t->nrows - nrows;
}

/*
 * The Notes sheet, a table of topic and note, both text: what made the
 * workbook and from what, the document's keyed notes, and how its numbers
 * are stored.  Notes about the workbook itself (its number formats, rows
 * over Excel's limit) are the writer's to say.
 */
static const struct fb_column note_columns[] = {
	{ .name = "topic", .kind = FB_CK_TEXT },
	{ .name = "note", .kind = FB_CK_TEXT },
};

static void
note(struct fb_doc *nd, struct fb_table *t, const char *topic, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * A row of t, whose note is printf-style.  A topic that is a column's
 * machine name (utilisation_incl_pct) is shown as the title the sheet gives
 * that column, the name after it, so the note is found from the sheet and
 * the CSV alike.
 */
static void
note(struct fb_doc *nd, struct fb_table *t, const char *topic, const char *fmt, ...)
{
	struct fb_cell *c = fb_table_row(t, 0);
	char buf[FB_CELL_BUF], *text, *titled;
	va_list ap;

	if (strchr(topic, '_') && !strchr(topic, ' ') && !strchr(topic, '*')) {
		const char *title = column_title(topic, buf);
		size_t n = strlen(title) + strlen(topic) + 4;

		titled = fb_doc_strdup_size(nd, n);
		snprintf(titled, n, "%s [%s]", title, topic);
		topic = titled;
	}
	fb_cell_text(nd, &c[0], FB_CK_TEXT, topic);
	va_start(ap, fmt);
	text = fb_doc_vprintf(nd, fmt, ap);
	va_end(ap);
	fb_cell_text(nd, &c[1], FB_CK_TEXT, text);
}

/* The notes every workbook of a run starts with: what made it, from what. */
static void
notes_start(struct fb_doc *nd, struct fb_table *t, const char *command,
	    const struct fb_run *run)
{
	long read, used, rejected;

	fb_run_totals(run, &read, &used, &rejected);
	note(nd, t, "made by", "fosterbeds %s, %s", FB_TOOL_VERSION, command);
	note(nd, t, "standard", "regional bed-record standard, version %s (spec/bed-records.md "
	     "and spec/reconcile.md)", FB_SPEC_VERSION);
	note(nd, t, "inputs", "%zu file%s, listed on the Inputs sheet: %ld rows read, %ld used, "
	     "%ld rejected", run->ninputs, run->ninputs == 1 ? "" : "s", read, used, rejected);
	if (run->filter.active) {
		char what[64 + 1000 * 4];

		note(nd, t, "filter", "%s: %ld rows of other LAs were set aside before any check "
		     "and are not in the figures", fb_filter_describe(&run->filter, what,
								   sizeof(what)),
		     fb_run_outside_filter(run));
	}
	/* Only through a profile (spec/profiles.md), so other workbooks are as they were. */
	if (run->profile) {
		const struct fb_profile *p = run->profile;
		long dropped = 0;

		for (size_t i = 0; i < run->ninputs; i++)
			dropped += run->inputs[i].rows_dropped;
		note(nd, t, "profile", "read through the mapping profile %s (%s%s%s); %ld row%s "
		     "dropped by it (FB040), counted on the Inputs sheet", p->path,
		     p->system ? p->system : "system not named", p->la ? ", for " : "",
		     p->la ? p->la : "", dropped, dropped == 1 ? "" : "s");
	}
}

/*
 * The notes every workbook of a run ends with; unlisted is how many of the
 * Findings sheet's rows did not fit.
 */
static void
notes_finish(struct fb_doc *nd, struct fb_table *t, const struct fb_run *run, size_t unlisted)
{
	const struct fb_findings *f = &run->findings;

	unlisted += f->dropped;
	if (!f->errors && !f->warnings)
		note(nd, t, "findings", "none: every row passed every rule");
	else
		note(nd, t, "findings", "%zu error%s and %zu warning%s; the Findings sheet lists %s",
		     f->errors, f->errors == 1 ? "" : "s", f->warnings,
		     f->warnings == 1 ? "" : "s", unlisted ? "the first of them"
		     : "every one, with file, line, column and value");
	if (unlisted)
		note(nd, t, "findings not listed", "%zu (raise --max-findings, or 0 for all, to "
		     "list more)", unlisted);
	note(nd, t, "safety", "Every value taken from the input is stored as text: nothing in "
	     "this workbook is a formula, so nothing in it can run. A child's reference "
	     "(child_ref) never appears.");
}

/*
 * The document's tables a sheet each, with the run's Findings and Inputs
 * among them (fb_doc_run_tables()), then the Notes.
 */
static void
fill_doc(struct book *b, const struct fb_doc *d)
{
	struct fb_doc nd;
	struct fb_table *t;
	size_t unlisted = 0;
	int rates = 0, pps = 0;

	for (size_t k = 0; k < d->ntables && !b->err; k++) {
		const struct fb_table *tb = &d->tables[k];
		size_t left;

		if (!fb_table_shown(tb, FB_HIDE_XLSX))
			continue;
		left = doc_sheet(b, tb);
		/* The rows past Excel's limit: the Notes say so of findings. */
		if (strcmp(tb->name, "Findings") == 0)
			unlisted += left;
		for (size_t i = 0; i < tb->ncols; i++) {
			const struct fb_column *c = &tb->cols[i];

			if (c->flags & (FB_COL_JSON_ONLY | FB_COL_PAGE_ONLY))
				continue;
			rates |= c->kind == FB_CK_RATE;
			pps |= c->kind == FB_CK_PP;
		}
	}
	fb_doc_init(&nd, d->command, NULL);
	t = fb_doc_table(&nd, "Notes", note_columns, 2, NULL);
	if (d->run)
		notes_start(&nd, t, d->command, d->run);
	if (d->title[0] || d->subject)
		note(&nd, t, "title", "%s%s%s", d->title, d->subject ? ": " : "",
		     d->subject ? d->subject : "");
	/* A note keyed title (for JSON) is the title row above. */
	for (size_t i = 0; i < d->nnotes; i++)
		if (d->notes[i].key && d->notes[i].place != FB_NOTE_JSON_NUMBER &&
		    strcmp(d->notes[i].key, "title") != 0)
			note(&nd, t, d->notes[i].key, "%s", d->notes[i].text);
	if (rates) {
		note(&nd, t, "percentages", "Stored as numbers with a percent format: 66.3%% is "
		     "the number 0.663. Each is worked out from the whole-number counts and "
		     "rounded to one decimal place, an exact half away from zero (53 of 80 is "
		     "66.25%%, shown 66.3%%).");
		note(&nd, t, "blank percentages", "A percentage is blank when there is nothing to "
		     "divide by (no beds of that kind); it is never shown as 0.");
	}
	if (pps)
		note(&nd, t, "percentage points", "Differences of two percentages, stored as "
		     "numbers of points with a \"pp\" format: +1.5 pp is the number 1.5, never "
		     "a percentage.");
	if (d->run)
		notes_finish(&nd, t, d->run, unlisted);
	doc_sheet(b, t);   /* nothing, after a failure */
	fb_doc_release(&nd);
}

static int
write_doc(FILE *out, const struct fb_doc *d, struct fb_error *e)
{
	if (write_book_tmpdir(out, d, e) != 0)
		return -1;
	return fb_writer_stream_result(out, e);
}

static int
write_doc_scratch(FILE *out, const struct fb_doc *d, const char *scratch, struct fb_error *e)
{
	if (write_book(out, d, scratch, e) != 0)
		return -1;
	return fb_writer_stream_result(out, e);
}

const struct fb_writer fb_writer_xlsx = {
	.name = "xlsx", .binary = 1, .write = write_doc, .write_scratch = write_doc_scratch,
};
