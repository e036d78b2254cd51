#include "date.h"

#include <string.h>

#include "lang/lang.h"
#include "text/text.h"

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool sc_date_valid(sc_date d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

/* Howard Hinnant's days_from_civil ("chrono-Compatible Low-Level Date
 * Algorithms"): exact for the proleptic Gregorian calendar. */
long sc_date_days(sc_date d)
{
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int sc_date_weekday(sc_date d)
{
    long days = sc_date_days(d); /* 1970-01-01 was a Thursday (3) */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int number(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

bool sc_date_parse_iso(const char *s, size_t len, sc_date *date)
{
    if (len != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) || !digits(s + 5, 2) ||
        !digits(s + 8, 2))
        return false;
    sc_date d = {number(s, 4), number(s + 5, 2), number(s + 8, 2)};
    if (!sc_date_valid(d))
        return false;
    *date = d;
    return true;
}

void sc_date_format(sc_date d, char *out)
{
    int y = d.year, m = d.month, day = d.day;
    out[0] = (char)('0' + y / 1000 % 10);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10 % 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + day / 10 % 10);
    out[9] = (char)('0' + day % 10);
    out[10] = '\0';
}

/* A lexical item of a date line. */
typedef struct item {
    enum { I_NUM, I_WORD, I_SEP } kind;
    size_t start, end;
    int value; /* I_NUM */
    int month; /* I_WORD: 1..12 when a month name */
} item;

enum { MAX_ITEMS = 16 };

static bool is_bullet_or_space(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x2022 /* • */ || cp == 0xB7 || cp == 0x25AA ||
           cp == 0x25CF || cp == '*' || cp == '|' || cp == 0xA0;
}

static bool ascii_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A word a date line may carry besides the date. */
static bool date_line_word(const char *s, const item *items, size_t n, size_t m)
{
    const item *it = &items[m];
    size_t len = it->end - it->start;
    char low[32];
    if (len >= sizeof low)
        return false;
    size_t caps = 0;
    for (size_t k = 0; k < len; k++) {
        char c = s[it->start + k];
        caps += c >= 'A' && c <= 'Z';
        low[k] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    if (sc_lang_weekday(low, len) != 0)
        return true;
    if ((len == 2 && (memcmp(low, "am", 2) == 0 || memcmp(low, "pm", 2) == 0)) ||
        (len == 4 && (memcmp(low, "a.m.", 4) == 0 || memcmp(low, "p.m.", 4) == 0)))
        return true;
    /* A zone: "WIB", "PHT", "UTC". */
    if (caps == len && len >= 2 && len <= 5)
        return true;
    /* A label: "Diperbarui:". */
    return m + 1 < n && items[m + 1].kind == I_SEP && s[items[m + 1].start] == ':';
}

bool sc_date_parse_line(const char *s, size_t len, sc_date *date, size_t *start, size_t *end)
{
    item items[MAX_ITEMS];
    size_t n = 0, i = 0;
    /* Leading bullets and spaces. */
    while (i < len) {
        int32_t cp;
        size_t k = sc_utf8_next(s + i, len - i, &cp);
        if (!is_bullet_or_space(cp))
            break;
        i += k;
    }
    while (i < len && n < MAX_ITEMS) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            i++;
            continue;
        }
        /* No-break, thin and narrow no-break spaces. */
        if (i + 1 < len && (unsigned char)c == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
            i += 2;
            continue;
        }
        if (i + 2 < len && (unsigned char)c == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x89 || (unsigned char)s[i + 2] == 0xAF)) {
            i += 3;
            continue;
        }
        item it = {I_SEP, i, i + 1, 0, 0};
        if (c >= '0' && c <= '9') {
            size_t j = i;
            while (j < len && s[j] >= '0' && s[j] <= '9' && j - i < 5)
                j++;
            it.kind = I_NUM;
            it.end = j;
            it.value = number(s + i, j - i);
        } else if (ascii_alpha(c) || (unsigned char)c >= 0x80) {
            size_t j = i;
            while (j < len &&
                   (ascii_alpha(s[j]) || s[j] == '\'' ||
                    ((unsigned char)s[j] >= 0x80 && !((unsigned char)s[j] == 0xC2 && j + 1 < len &&
                                                      (unsigned char)s[j + 1] == 0xA0))))
                j++;
            if (j < len && s[j] == '.')
                j++;
            if (j - i > 24)
                return false;
            char low[32];
            size_t ln = 0;
            for (size_t k = i; k < j && ln < sizeof low - 1; k++)
                low[ln++] = (s[k] >= 'A' && s[k] <= 'Z') ? (char)(s[k] - 'A' + 'a') : s[k];
            it.kind = I_WORD;
            it.end = j;
            it.month = sc_lang_month(low, ln);
        } else {
            size_t k = 1;
            int32_t cp;
            k = sc_utf8_next(s + i, len - i, &cp);
            it.end = i + k;
        }
        items[n++] = it;
        i = it.end;
    }
    if (i < len)
        return false; /* too many items: prose, not a date line */

    /* Find the date pattern among the items; everything else on the line
     * may be a weekday, commas, a time ("8:10 PM PHT") but no other words
     * than a few (a line of prose is not a date line). */
    for (size_t k = 0; k < n; k++) {
        sc_date d = {0, 0, 0};
        size_t first = k, last = k;
        const item *a = &items[k];
        /* Month D, YYYY */
        if (a->kind == I_WORD && a->month && k + 1 < n && items[k + 1].kind == I_NUM) {
            size_t y = k + 2;
            if (y < n && items[y].kind == I_SEP && s[items[y].start] == ',')
                y++;
            if (y < n && items[y].kind == I_NUM && items[y].end - items[y].start == 4) {
                d = (sc_date){items[y].value, a->month, items[k + 1].value};
                last = y;
            }
        }
        /* D Month YYYY */
        if (!d.year && a->kind == I_NUM && k + 2 < n && items[k + 1].kind == I_WORD &&
            items[k + 1].month && items[k + 2].kind == I_NUM &&
            items[k + 2].end - items[k + 2].start == 4) {
            d = (sc_date){items[k + 2].value, items[k + 1].month, a->value};
            last = k + 2;
        }
        /* YYYY-MM-DD */
        if (!d.year && a->kind == I_NUM && a->end - a->start == 4 && k + 4 < n &&
            items[k + 1].kind == I_SEP && s[items[k + 1].start] == '-' &&
            items[k + 2].kind == I_NUM && items[k + 3].kind == I_SEP &&
            s[items[k + 3].start] == '-' && items[k + 4].kind == I_NUM) {
            d = (sc_date){a->value, items[k + 2].value, items[k + 4].value};
            last = k + 4;
        }
        /* D/M/YYYY (d/m unless the first number cannot be a day) */
        if (!d.year && a->kind == I_NUM && k + 4 < n && items[k + 1].kind == I_SEP &&
            (s[items[k + 1].start] == '/' || s[items[k + 1].start] == '.') &&
            items[k + 2].kind == I_NUM && items[k + 3].kind == I_SEP &&
            s[items[k + 3].start] == s[items[k + 1].start] && items[k + 4].kind == I_NUM &&
            items[k + 4].end - items[k + 4].start == 4) {
            int p = a->value, q = items[k + 2].value;
            d = p > 12 || q <= 12 ? (sc_date){items[k + 4].value, q, p}
                                  : (sc_date){items[k + 4].value, p, q};
            last = k + 4;
        }
        if (!d.year || !sc_date_valid(d))
            continue;
        /* The rest of the line: a weekday, AM/PM, a time zone, a label
         * ("Updated:"), at most three of them; prose is not a date line. */
        size_t words = 0;
        for (size_t m = 0; m < n; m++) {
            if ((m >= first && m <= last) || items[m].kind != I_WORD)
                continue;
            words++;
            if (!date_line_word(s, items, n, m))
                return false;
        }
        if (words > 3 || (s[items[n - 1].start] == '.' && items[n - 1].kind == I_SEP))
            return false;
        *date = d;
        *start = items[first].start;
        *end = items[last].end;
        return true;
    }
    return false;
}
