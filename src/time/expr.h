/* Temporal expressions: finding them in a text and resolving them to
 * calendar dates against a reference date. */
#ifndef SC_TIME_EXPR_H
#define SC_TIME_EXPR_H

#include "core/doc.h"
#include "lang/lang.h"

/* Finds the temporal expressions of an analysed text (tokens and
 * sentences) and marks their tokens SC_TOKF_DATE.  Fills a->times. */
sc_status sc_find_times(sc_arena *arena, sc_analysis *a, const sc_lang *lang);

/* Slack around the reference date for what counts as "not after" it: time
 * zones and late edits put a story's date a day or two past its page date. */
enum { SC_TIME_SLACK_DAYS = 3 };

/* Resolves every expression of a against reference (has_reference false:
 * only those that state a year resolve). */
void sc_resolve_times(sc_analysis *a, bool has_reference, sc_date reference);

/* The date days after date (days may be negative). */
sc_date sc_date_add_days(sc_date date, long days);

/* Weekday names for messages: "Monday" .. "Sunday" for 1..7. */
const char *sc_weekday_name(int weekday);

#endif
