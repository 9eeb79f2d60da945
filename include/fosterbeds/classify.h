/*
 * classify.h: the regional category of a bed.
 *
 * Every bed gets exactly one category.  Respite and emergency beds are
 * specialist provision, not mainstream capacity, so they form their own
 * category whatever their status; mainstream beds take their status.  The
 * category is an overlay: the "including" figures still count a respite bed
 * under its status, the "excluding" figures leave it out altogether.
 */
#ifndef FOSTERBEDS_CLASSIFY_H
#define FOSTERBEDS_CLASSIFY_H

#include "fosterbeds/standard.h"

/* bed_use is an enum fb_bed_use, status an enum fb_status; neither FB_NONE. */
enum fb_category fb_classify(int bed_use, int status);

#endif
