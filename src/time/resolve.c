/* Resolving temporal expressions against the reference date (the page's
 * date).
 *
 * A day with no year takes its placement nearest the reference (within
 * half a year either side): news speaks of days close to its own date,
 * past or coming.  When the text also names the weekday and that
 * placement falls on another weekday, the reference cannot be right for
 * it: the day then resolves, among the years in which it falls on that
 * weekday, to the one nearest the reference and not after it (news is
 * about the past), with a few days of slack for time zones and late edits.
 * Every fitting year near the reference is kept as a candidate, so a report
 * can say "fits 2021, not 2024".
 *
 * Future dates: a day after the reference resolves there when its nearest
 * placement fits (an announced event, "on Monday, January 3"); it is
 * evidence the page is not older than the text says, never a contradiction
 * by itself. */
#include "expr.h"

#include "time/date.h"

/* Years searched for a weekday's candidates around the reference.  A day
 * and weekday pair recurs every 5, 6 or 11 years, so 28 years back sees
 * every pattern of the cycle. */
enum { CANDIDATE_YEARS_BACK = 28, CANDIDATE_YEARS_AHEAD = 6 };

sc_date sc_date_add_days(sc_date d, long days)
{
    /* Inverse of sc_date_days (Hinnant's civil_from_days). */
    long z = sc_date_days(d) + days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    return (sc_date){(int)(y + (month <= 2)), (int)month, (int)day};
}

const char *sc_weekday_name(int weekday)
{
    static const char *const names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
    return weekday >= 1 && weekday <= 7 ? names[weekday - 1] : "?";
}

static int iso_weekday(sc_date d)
{
    return sc_date_weekday(d) + 1;
}

static sc_date month_end(int year, int month)
{
    sc_date next = month == 12 ? (sc_date){year + 1, 1, 1} : (sc_date){year, month + 1, 1};
    return sc_date_add_days(next, -1);
}

/* The placement of month-day nearest ref, among ref's year and its
 * neighbours (Feb 29 only in leap years). */
static bool nearest_placement(int month, int day, sc_date ref, sc_date *out)
{
    long ref_days = sc_date_days(ref);
    long best = -1;
    bool found = false;
    for (int y = ref.year - 1; y <= ref.year + 1; y++) {
        sc_date d = {y, month, day};
        if (!sc_date_valid(d))
            continue;
        long gap = sc_date_days(d) - ref_days;
        if (gap < 0)
            gap = -gap;
        if (!found || gap < best) {
            best = gap;
            *out = d;
            found = true;
        }
    }
    /* Within half a year: Feb 29 far from a leap year has no placement. */
    return found && best <= 183;
}

bool sc_time_is_slip(const sc_time_expr *e, sc_date ref)
{
    if (e->placement.year == 0 || e->weekday == 0)
        return false;
    long gap = sc_date_days(e->placement) - sc_date_days(ref);
    if (gap < 0)
        gap = -gap;
    int off = (e->weekday - iso_weekday(e->placement) + 7) % 7;
    return gap <= SC_TIME_SLIP_DAYS && (off == 1 || off == 6);
}

static void resolve_day(sc_time_expr *e, bool has_ref, sc_date ref)
{
    if (e->year != 0) {
        sc_date d = {e->year, e->month, e->day};
        if (sc_date_valid(d)) {
            e->resolved = true;
            e->date = e->date_last = d;
        }
        return;
    }
    if (!has_ref)
        return;
    sc_date near;
    bool have_near = nearest_placement(e->month, e->day, ref, &near);
    if (have_near)
        e->placement = near;
    if (e->weekday == 0) {
        if (have_near) {
            e->resolved = true;
            e->date = e->date_last = near;
        }
        return;
    }
    e->weekday_fits_reference = have_near && iso_weekday(near) == e->weekday;
    /* Candidate years where the day falls on the weekday, nearest first. */
    long limit = sc_date_days(ref) + SC_TIME_SLACK_DAYS;
    int best_past = 0;
    for (int back = 0; back <= CANDIDATE_YEARS_BACK; back++) {
        int ys[2] = {ref.year - back, ref.year + back};
        for (int k = 0; k < (back == 0 ? 1 : 2); k++) {
            int y = ys[k];
            if (y > ref.year + CANDIDATE_YEARS_AHEAD)
                continue;
            sc_date d = {y, e->month, e->day};
            if (!sc_date_valid(d) || iso_weekday(d) != e->weekday)
                continue;
            if (e->n_candidate_years < SC_TIME_MAX_CANDIDATES)
                e->candidate_years[e->n_candidate_years++] = y;
            if (sc_date_days(d) <= limit && (best_past == 0 || y > best_past))
                best_past = y;
        }
    }
    e->slip = have_near && !e->weekday_fits_reference && sc_time_is_slip(e, ref);
    if (e->weekday_fits_reference || e->slip) {
        /* A one-day slip is the reference's day, misnamed. */
        e->resolved = true;
        e->date = e->date_last = near;
    } else if (best_past != 0) {
        e->resolved = true;
        e->date = e->date_last = (sc_date){best_past, e->month, e->day};
    }
}

static void resolve_weekday(sc_time_expr *e, sc_date ref)
{
    /* Plain: the latest such weekday on or before the reference.  "next",
     * "depan": the first after it.  "last", "lalu": the latest before it. */
    int back = (iso_weekday(ref) - e->weekday + 7) % 7;
    int ahead = (e->weekday - iso_weekday(ref) + 7) % 7;
    long days = -back;
    if (e->offset > 0)
        days = ahead == 0 ? 7 : ahead;
    else if (e->offset < 0 && back == 0)
        days = -7;
    e->resolved = true;
    e->date = e->date_last = sc_date_add_days(ref, days);
}

/* Relative expressions: days and weeks count from the reference ("last
 * week" is the seven days before it); months and years are calendar ones
 * ("bulan lalu" is the whole previous month, "tiga tahun lalu" the whole
 * year three back). */
static void resolve_relative(sc_time_expr *e, sc_date ref)
{
    long n = e->offset;
    e->resolved = true;
    if (e->unit_days >= 365) {
        int y = ref.year + (int)(n * (e->unit_days / 365));
        e->date = (sc_date){y, 1, 1};
        e->date_last = (sc_date){y, 12, 31};
    } else if (e->unit_days >= 28) {
        long m = (long)ref.year * 12 + (ref.month - 1) + n;
        int y = (int)(m / 12), mo = (int)(m % 12) + 1;
        e->date = (sc_date){y, mo, 1};
        e->date_last = month_end(y, mo);
    } else if (e->unit_days > 1) {
        long u = e->unit_days;
        if (n < 0) {
            e->date = sc_date_add_days(ref, n * u);
            e->date_last = sc_date_add_days(ref, (n + 1) * u - 1);
        } else {
            e->date = sc_date_add_days(ref, (n - 1) * u + 1);
            e->date_last = sc_date_add_days(ref, n * u);
        }
    } else {
        e->date = e->date_last = sc_date_add_days(ref, n);
    }
}

void sc_resolve_times(sc_analysis *a, bool has_ref, sc_date ref)
{
    for (size_t i = 0; i < a->n_times; i++) {
        sc_time_expr *e = &a->times[i];
        switch (e->kind) {
        case SC_TIME_DATE:
            resolve_day(e, has_ref, ref);
            break;
        case SC_TIME_MONTH:
            if (e->year >= 1 && e->month >= 1 && e->month <= 12) {
                e->resolved = true;
                e->date = (sc_date){e->year, e->month, 1};
                e->date_last = month_end(e->year, e->month);
            }
            break;
        case SC_TIME_YEAR:
            e->resolved = true;
            e->date = (sc_date){e->year, 1, 1};
            e->date_last = (sc_date){e->year, 12, 31};
            break;
        case SC_TIME_WEEKDAY:
            if (has_ref)
                resolve_weekday(e, ref);
            break;
        case SC_TIME_RELATIVE:
            if (has_ref)
                resolve_relative(e, ref);
            break;
        }
    }
}
