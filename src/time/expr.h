/* Temporal expressions: finding them in a text and resolving them to
 * calendar dates against a reference date. */
#ifndef SC_TIME_EXPR_H
#define SC_TIME_EXPR_H

#include "core/doc.h"
#include "lang/lang.h"

/* Finds the temporal expressions of an analysed text (tokens and
 * sentences) and marks their tokens SC_TOKF_DATE.  Fills a->times.
 * date_lang picks the numeric day/month order (NULL: day first). */
sc_status sc_find_times(sc_arena *arena, sc_analysis *a, const sc_lang *lang,
                        const char *date_lang);

/* Slack around the reference date for what counts as "not after" it: time
 * zones and late edits put a story's date a day or two past its page date. */
enum { SC_TIME_SLACK_DAYS = 3 };

/* A weekday one day off, on a day within this many days of the reference,
 * is a newsroom slip (time zones, a lead kept overnight), not another
 * year. */
enum { SC_TIME_SLIP_DAYS = 7 };

/* True when a weekday-anchored day (no year) is one weekday off its
 * placement near ref, within SC_TIME_SLIP_DAYS of it. */
bool sc_time_is_slip(const sc_time_expr *e, sc_date ref);

/* Resolves every expression of a against reference (has_reference false:
 * only those that state a year resolve). */
void sc_resolve_times(sc_analysis *a, bool has_reference, sc_date reference);

/* The date days after date (days may be negative). */
sc_date sc_date_add_days(sc_date date, long days);

/* Weekday names for messages: "Monday" .. "Sunday" for 1..7. */
const char *sc_weekday_name(int weekday);

#endif
