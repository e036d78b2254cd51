/* Tests for calendar dates: validity, day counts, weekdays, ISO dates and
 * the date lines pages print. */
#include "harness.h"
#include "time/date.h"

#include <string.h>

#define N(array) ((int)(sizeof(array) / sizeof((array)[0])))

static const struct {
    int y, m, d;
    bool valid;
} valid_cases[] = {
    {2024, 2, 29, true},                         /* divisible by 4 */
    {2023, 2, 29, false},  {1900, 2, 29, false}, /* by 100, not by 400 */
    {2000, 2, 29, true},                         /* by 400 */
    {2100, 2, 29, false},  {2400, 2, 29, true},  {2023, 2, 28, true},  {2024, 2, 30, false},
    {2024, 4, 30, true},   {2024, 4, 31, false}, {2024, 6, 31, false}, {2024, 9, 31, false},
    {2024, 11, 31, false}, {2024, 1, 31, true},  {2024, 12, 31, true}, {2024, 13, 1, false},
    {2024, 0, 1, false},   {2024, 1, 0, false},  {2024, 1, 32, false}, {2024, -1, 5, false},
    {1, 1, 1, true},       {9999, 12, 31, true}, {0, 1, 1, false},     {10000, 1, 1, false},
    {-5, 1, 1, false},     {0, 0, 0, false},
};

START_TEST(test_date_valid)
{
    sc_date d = {valid_cases[_i].y, valid_cases[_i].m, valid_cases[_i].d};

    ck_assert_msg(sc_date_valid(d) == valid_cases[_i].valid, "%d-%d-%d valid=%d, want %d", d.year,
                  d.month, d.day, sc_date_valid(d), valid_cases[_i].valid);
}
END_TEST

/* Days since 1970-01-01 and the ISO weekday (0 = Monday .. 6 = Sunday). */
static const struct {
    int y, m, d;
    long days;
    int weekday;
} day_cases[] = {
    {1970, 1, 1, 0, 3},                                                           /* a Thursday */
    {1970, 1, 2, 1, 4},         {1969, 12, 31, -1, 2},    {2000, 1, 1, 10957, 5}, /* a Saturday */
    {2000, 2, 29, 11016, 1},    {2000, 3, 1, 11017, 2},   {1900, 3, 1, -25508, 3},
    {2021, 12, 15, 18976, 2},                             /* a Wednesday */
    {2024, 2, 29, 19782, 3},    {2024, 11, 24, 20051, 6}, /* a Sunday */
    {2024, 12, 15, 20072, 6},                             /* a Sunday */
    {1, 1, 1, -719162, 0},                                /* a Monday (proleptic Gregorian) */
    {9999, 12, 31, 2932896, 4},
};

START_TEST(test_date_days_weekday)
{
    sc_date d = {day_cases[_i].y, day_cases[_i].m, day_cases[_i].d};

    ck_assert_msg(sc_date_days(d) == day_cases[_i].days, "%04d-%02d-%02d: %ld days, want %ld",
                  d.year, d.month, d.day, sc_date_days(d), day_cases[_i].days);
    ck_assert_msg(sc_date_weekday(d) == day_cases[_i].weekday,
                  "%04d-%02d-%02d: weekday %d, want %d", d.year, d.month, d.day, sc_date_weekday(d),
                  day_cases[_i].weekday);
}
END_TEST

START_TEST(test_date_days_consecutive)
{
    /* Across four centuries, each valid date is one day after the last and
     * the weekday advances by one. */
    sc_date d = {1899, 12, 31};
    long last = sc_date_days(d);
    int wd = sc_date_weekday(d);
    long seen = 0;

    for (int y = 1900; y < 2300; y++)
        for (int m = 1; m <= 12; m++)
            for (int day = 1; day <= 31; day++) {
                sc_date x = {y, m, day};
                if (!sc_date_valid(x))
                    continue;
                long n = sc_date_days(x);
                ck_assert_int_eq(n, last + 1);
                wd = (wd + 1) % 7;
                ck_assert_int_eq(sc_date_weekday(x), wd);
                last = n;
                seen++;
            }
    ck_assert_int_eq(seen, 400 * 365 + 97); /* 1900, 2100, 2200 are not leap years */
}
END_TEST

static const struct {
    const char *s;
    bool ok;
    int y, m, d;
} iso_cases[] = {
    {"2024-11-24", true, 2024, 11, 24}, {"2024-02-29", true, 2024, 2, 29},
    {"0001-01-01", true, 1, 1, 1},      {"9999-12-31", true, 9999, 12, 31},
    {"2023-02-29", false, 0, 0, 0},     {"2024-13-01", false, 0, 0, 0},
    {"2024-00-10", false, 0, 0, 0},     {"2024-11-00", false, 0, 0, 0},
    {"0000-01-01", false, 0, 0, 0},     {"2024-1-24", false, 0, 0, 0},
    {"2024-11-2", false, 0, 0, 0},      {"2024-11-24 ", false, 0, 0, 0},
    {" 2024-11-24", false, 0, 0, 0},    {"2024/11/24", false, 0, 0, 0},
    {"24-11-2024", false, 0, 0, 0},     {"2024-11-24T10:00", false, 0, 0, 0},
    {"abcd-ef-gh", false, 0, 0, 0},     {"+024-11-24", false, 0, 0, 0},
    {"2024-+1-24", false, 0, 0, 0},     {"", false, 0, 0, 0},
};

START_TEST(test_date_parse_iso)
{
    const char *s = iso_cases[_i].s;
    sc_date d = {-1, -1, -1};
    bool ok = sc_date_parse_iso(s, strlen(s), &d);

    ck_assert_msg(ok == iso_cases[_i].ok, "\"%s\": ok=%d", s, ok);
    if (ok) {
        ck_assert_int_eq(d.year, iso_cases[_i].y);
        ck_assert_int_eq(d.month, iso_cases[_i].m);
        ck_assert_int_eq(d.day, iso_cases[_i].d);
    } else {
        /* A failed parse leaves the date alone. */
        ck_assert_int_eq(d.year, -1);
    }
}
END_TEST

START_TEST(test_date_parse_iso_length)
{
    /* Only len bytes are read: a longer string cut to 10 is a date. */
    sc_date d;

    ck_assert(sc_date_parse_iso("2024-11-24 08:10", 10, &d));
    ck_assert_int_eq(d.day, 24);
    ck_assert(!sc_date_parse_iso("2024-11-24", 9, &d));
}
END_TEST

static const struct {
    int y, m, d;
    const char *want;
} format_cases[] = {
    {2024, 11, 24, "2024-11-24"}, {2021, 12, 15, "2021-12-15"}, {5, 1, 2, "0005-01-02"},
    {1, 1, 1, "0001-01-01"},      {9999, 12, 31, "9999-12-31"},
};

START_TEST(test_date_format)
{
    sc_date d = {format_cases[_i].y, format_cases[_i].m, format_cases[_i].d};
    char out[16];
    sc_date back;

    memset(out, 'x', sizeof out);
    sc_date_format(d, out);
    ck_assert_str_eq(out, format_cases[_i].want);
    ck_assert_int_eq(out[11], 'x'); /* 11 bytes and no more */
    ck_assert(sc_date_parse_iso(out, 10, &back));
    ck_assert_int_eq(back.year, d.year);
    ck_assert_int_eq(back.month, d.month);
    ck_assert_int_eq(back.day, d.day);
}
END_TEST

/* Lines that are a date, with the date and the byte span of the date. */
static const struct {
    const char *line;
    int y, m, d;
    size_t start, end;
} line_cases[] = {
    {"\xe2\x80\xa2 November 24, 2024", 2024, 11, 24, 4, 21},
    {"November 24, 2024", 2024, 11, 24, 0, 17},
    {"24 November 2024", 2024, 11, 24, 0, 16},
    {"Nov 24, 2024 8:10 PM", 2024, 11, 24, 0, 12},
    {"Nov. 24, 2024", 2024, 11, 24, 0, 13},
    {"NOVEMBER 24, 2024", 2024, 11, 24, 0, 17},
    {"2024-11-24", 2024, 11, 24, 0, 10},
    {"24/11/2024", 2024, 11, 24, 0, 10},
    {"11/24/2024", 2024, 11, 24, 0, 10}, /* 24 cannot be a month */
    {"05/03/2024", 2024, 3, 5, 0, 10},   /* d/m by default */
    {"24.11.2024", 2024, 11, 24, 0, 10},
    {"Rabu, 15 Desember 2021", 2021, 12, 15, 6, 22},
    {"Rabu (15/12/2021)", 2021, 12, 15, 6, 16},
    {"Minggu, 24 Nov 2024 | 21:34 WIB", 2024, 11, 24, 8, 19},
    {"Sunday, November 24, 2024 8:10 PM PHT", 2024, 11, 24, 8, 25},
    {"15 Agustus 2023", 2023, 8, 15, 0, 15},
    {"1 Mei 2024", 2024, 5, 1, 0, 10},
    {"3 Okt 2022", 2022, 10, 3, 0, 10},
    {"  * 29 Februari 2024  ", 2024, 2, 29, 4, 20},
    {"24 November 2024\r", 2024, 11, 24, 0, 16},
    {"24\xc2\xa0November\xc2\xa0"
     "2024",
     2024, 11, 24, 0, 18}, /* no-break spaces */
};

START_TEST(test_date_parse_line)
{
    const char *s = line_cases[_i].line;
    sc_date d = {0, 0, 0};
    size_t start = 999, end = 999;
    bool ok = sc_date_parse_line(s, strlen(s), &d, &start, &end);

    ck_assert_msg(ok, "\"%s\" did not parse", s);
    ck_assert_msg(d.year == line_cases[_i].y && d.month == line_cases[_i].m &&
                      d.day == line_cases[_i].d,
                  "\"%s\" -> %04d-%02d-%02d, want %04d-%02d-%02d", s, d.year, d.month, d.day,
                  line_cases[_i].y, line_cases[_i].m, line_cases[_i].d);
    ck_assert_msg(start == line_cases[_i].start && end == line_cases[_i].end,
                  "\"%s\" span [%zu, %zu), want [%zu, %zu)", s, start, end, line_cases[_i].start,
                  line_cases[_i].end);
}
END_TEST

/* Lines that are not a date line: prose mentioning a date, no date at all,
 * impossible dates, incomplete dates. */
static const char *const not_date_lines[] = {
    "",
    "   ",
    "Pada 24 November 2024, pemerintah mengumumkan kebijakan baru untuk sektor energi.",
    "The meeting on November 24, 2024 was short and ended without a deal.",
    "Rapat itu digelar 24 November 2024.",
    "She was born on May 5, 1990.",
    "Harga naik 24 persen pada 2024",
    "November 2024",
    "24 November",
    "31 Februari 2024",
    "29 Februari 2023",
    "2024-02-30",
    "30/02/2024",
    "24/11/24",
    "13/13/2024",
    "Senin dan Selasa",
    "Laporan tahunan 2024 sudah terbit",
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 November 2024",
};

START_TEST(test_date_parse_line_rejects)
{
    const char *s = not_date_lines[_i];
    sc_date d = {0, 0, 0};
    size_t start = 0, end = 0;
    bool ok = sc_date_parse_line(s, strlen(s), &d, &start, &end);

    ck_assert_msg(!ok, "\"%s\" parsed as %04d-%02d-%02d", s, d.year, d.month, d.day);
}
END_TEST

static Suite *date_suite(void)
{
    Suite *s = suite_create("date");
    TCase *tc;

    tc = tcase_create("calendar");
    tcase_add_loop_test(tc, test_date_valid, 0, N(valid_cases));
    tcase_add_loop_test(tc, test_date_days_weekday, 0, N(day_cases));
    tcase_add_test(tc, test_date_days_consecutive);
    suite_add_tcase(s, tc);

    tc = tcase_create("iso");
    tcase_add_loop_test(tc, test_date_parse_iso, 0, N(iso_cases));
    tcase_add_test(tc, test_date_parse_iso_length);
    tcase_add_loop_test(tc, test_date_format, 0, N(format_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("lines");
    tcase_add_loop_test(tc, test_date_parse_line, 0, N(line_cases));
    tcase_add_loop_test(tc, test_date_parse_line_rejects, 0, N(not_date_lines));
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(date_suite)
