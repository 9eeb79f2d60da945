/*
 * date.c: strict date parsing and formatting.
 *
 * The day-count conversions are Howard Hinnant's civil-calendar algorithms,
 * which are exact over the proleptic Gregorian calendar without tables.
 */
#include "fosterbeds/date.h"

#include <string.h>
#include <time.h>

#include "util.h"

int
fb_date_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
fb_date_civil(int z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int
days_in_month(int y, int m)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : mdays[m - 1];
}

/* Read exactly n digits at s; -1 when any is not a digit. */
static int
digits(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
fb_date_parse(const char *s, size_t len, int *days, enum fb_date_form *form)
{
	int y, m, d;
	enum fb_date_form f;

	fb_trim(&s, &len);
	if (len == 10 && s[4] == '-' && s[7] == '-') {
		y = digits(s, 4);
		m = digits(s + 5, 2);
		d = digits(s + 8, 2);
		f = FB_DATE_ISO;
	} else if (len >= 8 && len <= 10 && s[len - 5] == '/') {
		/* D/M/YYYY, DD/M/YYYY, D/MM/YYYY or DD/MM/YYYY */
		size_t dlen, mlen;
		const char *slash = s + 1;

		if (*slash != '/')
			slash++;
		if (*slash != '/')
			return -1;
		dlen = (size_t)(slash - s);
		mlen = (size_t)(s + len - 5 - slash - 1);
		if (mlen < 1 || mlen > 2)
			return -1;
		d = digits(s, dlen);
		m = digits(slash + 1, mlen);
		y = digits(s + len - 4, 4);
		f = FB_DATE_DMY;
	} else {
		return -1;
	}
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*days = fb_date_from_civil(y, m, d);
	*form = f;
	return 0;
}

int
fb_date_parse_memo(struct fb_date_memo *m, const char *s, size_t len, int *days,
		   enum fb_date_form *form)
{
	int d;
	enum fb_date_form f;

	if (len && len == m->len && fb_same_bytes(s, m->bytes, len)) {
		*days = m->days;
		*form = m->form;
		return 0;
	}
	if (fb_date_parse(s, len, &d, &f) != 0)
		return -1;
	if (len && len <= sizeof(m->bytes)) {
		memcpy(m->bytes, s, len);
		m->len = len;
		m->days = d;
		m->form = f;
	}
	*days = d;
	*form = f;
	return 0;
}

void
fb_date_format(int days, char out[FB_DATE_LEN + 1])
{
	int y, m, d;

	fb_date_civil(days, &y, &m, &d);
	/* By hand rather than snprintf: the width is fixed and known to fit. */
	y = ((y % 10000) + 10000) % 10000;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

int
fb_date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return fb_date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
