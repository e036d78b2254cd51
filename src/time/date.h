/* Calendar dates: validity, weekdays, and reading the date forms a page
 * states its own date in. */
#ifndef SC_TIME_DATE_H
#define SC_TIME_DATE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/doc.h"

/* True when y-m-d is a real Gregorian date (years 1..9999). */
bool sc_date_valid(sc_date date);

/* Days since 1970-01-01 (negative before). */
long sc_date_days(sc_date date);

/* 0 = Monday .. 6 = Sunday (ISO 8601). */
int sc_date_weekday(sc_date date);

/* "YYYY-MM-DD" exactly (a valid date).  */
bool sc_date_parse_iso(const char *s, size_t len, sc_date *date);

/* Writes "YYYY-MM-DD" into out (at least 11 bytes). */
void sc_date_format(sc_date date, char *out);

/* A line that is only a date, as pages print their own date: an optional
 * bullet, an optional weekday, then "November 24, 2024", "24 November
 * 2024", "Nov 24, 2024", "24 Nov 2024", "2024-11-24" or "24/11/2024", and
 * an optional time ("8:10 PM", "21:34 WIB").  Month names of every known
 * language.  Day/month order of a numeric date is taken as d/m unless the
 * first number cannot be a day.  On success the date's byte span within
 * the line goes to *start and *end. */
bool sc_date_parse_line(const char *s, size_t len, sc_date *date, size_t *start, size_t *end);

#endif
