/*
 * classify.c: bed_use and status to the regional category.
 */
#include "fosterbeds/classify.h"

enum fb_category
fb_classify(int bed_use, int status)
{
	static const enum fb_category by_status[FB_ST_COUNT] = {
		[FB_ST_FILLED] = FB_CAT_FILLED,
		[FB_ST_VACANT] = FB_CAT_VACANT,
		[FB_ST_UNAVAILABLE] = FB_CAT_UNAVAILABLE,
	};

	if (bed_use != FB_USE_MAINSTREAM)
		return FB_CAT_RESPITE_EMERGENCY;
	return by_status[status];
}
