/* The page's own date, from the places a publisher states it, strongest
 * first: <meta> published-date properties, JSON-LD datePublished (also in
 * @graph and arrays), <time> marked as the publication, a date in the
 * canonical URL, a date in the byline or date line under the title, and
 * the first date in the text after the title.  Modified dates are kept
 * apart and stand in only when nothing states the publication.
 *
 * A timestamp with a zone gives its own local calendar day
 * ("2021-12-15T23:30:00-05:00" is 2021-12-15), as the page shows it. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "lang/date_names.h"
#include "text/text.h"
#include "time/date.h"

/* Metadata dates outside these years are placeholders ("0001-01-01",
 * "1970-01-01") or typos; free text needs a tighter window. */
enum { META_YEAR_MIN = 1990, TEXT_YEAR_MIN = 1995, YEAR_MAX = 2099 };
/* <meta> keys ranked this or weaker name no publication in particular
 * ("date", "dc.date", "created"). */
enum { WEAK_META_RANK = 4 };
/* A byline or date line is short; longer text is prose. */
enum { DATE_LINE_MAX_BYTES = 240 };
/* JSON-LD blocks are small; a larger one is not worth parsing. */
enum { JSONLD_MAX_BYTES = 1 << 20 };
/* How many elements after the title to look at for a date line. */
enum { NEAR_TITLE_ELEMENTS = 400 };
/* A text node this short that holds a date is a date line of its own. */
enum { SHORT_DATE_TEXT = 80 };

typedef struct found_date {
    bool ok;
    int rank; /* lower is stronger */
    sc_date date;
    const char *origin;
    const char *text; /* as written */
    bool has_time;
    const xmlNode *node; /* where it is, for the page-date block */
    const char *attr;    /* the attribute value it came from, or NULL */
    size_t start, end;   /* raw span when known (end 0 otherwise) */
} found_date;

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static bool plausible(sc_date d, int year_min)
{
    return d.year >= year_min && d.year <= YEAR_MAX && sc_date_valid(d);
}

/* A timestamp at the start of s: "2021-12-15", "2021-12-15T10:00:00+08:00",
 * "2021/12/15 10:00", "20211215".  *time tells whether a time follows. */
static bool parse_timestamp(const char *s, sc_date *d, bool *time)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    *time = false;
    if (n >= 10 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) &&
        (s[4] == '-' || s[4] == '/' || s[4] == '.') && digit(s[5]) && digit(s[6]) && s[7] == s[4] &&
        digit(s[8]) && digit(s[9]) && (n == 10 || !digit(s[10]))) {
        *d = (sc_date){num(s, 4), num(s + 5, 2), num(s + 8, 2)};
        *time = n > 12 && (s[10] == 'T' || s[10] == ' ') && digit(s[11]) && digit(s[12]);
        return sc_date_valid(*d);
    }
    /* "2021-1-5" */
    if (n >= 8 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) && s[4] == '-') {
        size_t i = 5, m0 = i;
        while (i < n && digit(s[i]) && i - m0 < 2)
            i++;
        if (i > m0 && i < n && s[i] == '-') {
            size_t d0 = ++i;
            while (i < n && digit(s[i]) && i - d0 < 2)
                i++;
            if (i > d0 && (i == n || !digit(s[i]))) {
                *d = (sc_date){num(s, 4), num(s + m0, (d0 - 1) - m0), num(s + d0, i - d0)};
                *time = i + 2 < n && (s[i] == 'T' || s[i] == ' ') && digit(s[i + 1]);
                return sc_date_valid(*d);
            }
        }
    }
    if (n >= 8 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) && digit(s[4]) &&
        digit(s[5]) && digit(s[6]) && digit(s[7]) && (n == 8 || !digit(s[8]))) {
        *d = (sc_date){num(s, 4), num(s + 4, 2), num(s + 6, 2)};
        *time = n > 9 && s[8] == 'T';
        return sc_date_valid(*d);
    }
    return false;
}

/* ---- dates in free text ---- */

typedef struct tok {
    enum { K_NUM, K_WORD, K_SEP } kind;
    size_t start, end;
    int value; /* numbers */
    int month; /* words: 1..12 when a month name */
} tok;

enum { MAX_TOKS = 64 };

static int month_of(const char *lang, const char *s, size_t n)
{
    char low[32];
    if (n == 0 || n >= sizeof low)
        return 0;
    size_t k = html_lower(s, n, low, sizeof low);
    while (k > 0 && low[k - 1] == '.')
        k--;
    sc_date_name name;
    /* A page's lang attribute is often the template's, not the text's (a
     * German article under lang="en"): in a date's shape, a month name of
     * any language the tables know is taken. */
    if ((!sc_date_name_lookup(lang, low, k, &name) || name.month == 0) &&
        (lang == NULL || !sc_date_name_lookup(NULL, low, k, &name) || name.month == 0))
        return 0;
    /* Two-letter abbreviations ("ma", "ju") are words, not months. */
    return k >= 3 ? name.month : 0;
}

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Tokenises up to MAX_TOKS tokens starting at s[from]. */
static size_t tokenize(const char *s, size_t len, size_t from, const char *lang, tok *t)
{
    size_t n = 0, i = from;
    while (i < len && n < MAX_TOKS) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            i++;
            continue;
        }
        if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
            i += 2;
            continue;
        }
        tok k = {K_SEP, i, i + 1, 0, 0};
        if (digit((char)c)) {
            size_t j = i;
            while (j < len && digit(s[j]) && j - i < 6)
                j++;
            k.kind = K_NUM;
            k.end = j;
            k.value = j - i <= 4 ? num(s + i, j - i) : -1;
            /* "15th", "1st", "2nd", "3rd" */
            if (j + 1 < len &&
                ((s[j] == 's' && s[j + 1] == 't') || (s[j] == 'n' && s[j + 1] == 'd') ||
                 (s[j] == 'r' && s[j + 1] == 'd') || (s[j] == 't' && s[j + 1] == 'h')) &&
                (j + 2 >= len || !word_byte((unsigned char)s[j + 2])))
                k.end = j + 2;
        } else if (word_byte(c)) {
            size_t j = i;
            while (j < len && word_byte((unsigned char)s[j]) &&
                   !((unsigned char)s[j] == 0xC2 && j + 1 < len && (unsigned char)s[j + 1] == 0xA0))
                j++;
            if (j < len && s[j] == '.')
                j++;
            k.kind = K_WORD;
            k.end = j;
            k.month = j - i < 24 ? month_of(lang, s + i, j - i) : 0;
        } else {
            int32_t cp;
            size_t bad;
            size_t m = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            if (i + m > len || !sc_utf8_valid(s + i, m, &bad))
                m = 1;
            else
                sc_utf8_next(s + i, m, &cp);
            k.end = i + m;
        }
        t[n++] = k;
        i = k.end;
    }
    return n;
}

static bool sep_is(const char *s, const tok *t, const char *chars)
{
    return t->kind == K_SEP && t->end - t->start == 1 && strchr(chars, s[t->start]) != NULL;
}

static bool word_is(const char *s, const tok *t, const char *w)
{
    size_t n = strlen(w);
    if (t->kind != K_WORD || t->end - t->start != n)
        return false;
    char low[8];
    html_lower(s + t->start, n, low, sizeof low);
    return strcmp(low, w) == 0;
}

static bool year_tok(const tok *t)
{
    return t->kind == K_NUM && t->end - t->start == 4 && t->value >= 1000;
}

static bool day_tok(const tok *t)
{
    return t->kind == K_NUM && t->value >= 1 && t->value <= 31 && t->end - t->start <= 4;
}

/* A date at token k: its date and the index of its last token. */
static bool date_at(const char *s, const tok *t, size_t n, size_t k, bool day_first, sc_date *d,
                    size_t *last)
{
    const tok *a = &t[k];
    /* Month D[,] YYYY: "December 15, 2021", "Dec. 15th 2021" */
    if (a->kind == K_WORD && a->month && k + 2 < n && day_tok(&t[k + 1])) {
        size_t y = k + 2;
        if (y < n && sep_is(s, &t[y], ","))
            y++;
        if (y < n && year_tok(&t[y])) {
            *d = (sc_date){t[y].value, a->month, t[k + 1].value};
            *last = y;
            return true;
        }
    }
    /* D[.] [de] Month [de|,] YYYY: "15 December 2021", "15. Dezember 2021",
     * "15 de diciembre de 2021" */
    if (day_tok(a) && k + 2 < n) {
        size_t m = k + 1;
        if (sep_is(s, &t[m], "."))
            m++;
        if (m < n && (word_is(s, &t[m], "de") || word_is(s, &t[m], "di")))
            m++;
        if (m < n && t[m].kind == K_WORD && t[m].month) {
            size_t y = m + 1;
            if (y < n &&
                (word_is(s, &t[y], "de") || word_is(s, &t[y], "del") || sep_is(s, &t[y], ",")))
                y++;
            if (y < n && year_tok(&t[y])) {
                *d = (sc_date){t[y].value, t[m].month, a->value};
                *last = y;
                return true;
            }
        }
    }
    /* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD */
    if (year_tok(a) && k + 4 < n && sep_is(s, &t[k + 1], "-/.") && t[k + 2].kind == K_NUM &&
        t[k + 3].kind == K_SEP && s[t[k + 3].start] == s[t[k + 1].start] && day_tok(&t[k + 4])) {
        *d = (sc_date){a->value, t[k + 2].value, t[k + 4].value};
        *last = k + 4;
        return true;
    }
    /* D.M.YYYY (always day first), D/M/YYYY or M/D/YYYY */
    if (day_tok(a) && k + 4 < n && sep_is(s, &t[k + 1], "./-") && day_tok(&t[k + 2]) &&
        t[k + 3].kind == K_SEP && s[t[k + 3].start] == s[t[k + 1].start] && year_tok(&t[k + 4]) &&
        a->end - a->start <= 2 && t[k + 2].end - t[k + 2].start <= 2) {
        int p = a->value, q = t[k + 2].value;
        bool df = s[t[k + 1].start] == '.' || p > 12 || (day_first && q <= 12);
        if (!df && q > 12)
            df = false;
        *d = df ? (sc_date){t[k + 4].value, q, p} : (sc_date){t[k + 4].value, p, q};
        *last = k + 4;
        return true;
    }
    /* DD.MM.YY, the short German and Swiss form ("31.10.23"): two digits
     * each, dots only, and no fourth group (a version or an address). */
    if (day_tok(a) && k + 4 < n && sep_is(s, &t[k + 1], ".") && day_tok(&t[k + 2]) &&
        sep_is(s, &t[k + 3], ".") && t[k + 4].kind == K_NUM && a->end - a->start == 2 &&
        t[k + 2].end - t[k + 2].start == 2 && t[k + 4].end - t[k + 4].start == 2 &&
        t[k + 2].value <= 12 && t[k + 4].start == t[k + 3].end &&
        !(k + 5 < n && sep_is(s, &t[k + 5], ".") && t[k + 5].start == t[k + 4].end && k + 6 < n &&
          t[k + 6].kind == K_NUM && t[k + 6].start == t[k + 5].end)) {
        int yy = t[k + 4].value;
        *d = (sc_date){yy < 70 ? 2000 + yy : 1900 + yy, t[k + 2].value, a->value};
        *last = k + 4;
        return true;
    }
    /* YYYY年MM月DD日 */
    if (year_tok(a) && k + 4 < n && t[k + 2].kind == K_NUM && t[k + 4].kind == K_NUM &&
        t[k + 1].kind != K_NUM && memcmp(s + t[k + 1].start, "\xE5\xB9\xB4", 3) == 0 &&
        t[k + 3].kind != K_NUM && memcmp(s + t[k + 3].start, "\xE6\x9C\x88", 3) == 0) {
        *d = (sc_date){a->value, t[k + 2].value, t[k + 4].value};
        *last = k + 4;
        return true;
    }
    return false;
}

bool html_date_in_text(const char *s, size_t len, const char *lang, sc_date *date, size_t *start,
                       size_t *end)
{
    tok t[MAX_TOKS];
    bool day_first = lang == NULL || sc_date_day_first(lang);
    size_t from = 0;
    while (from < len) {
        size_t n = tokenize(s, len, from, lang, t);
        if (n == 0)
            return false;
        /* Leave the last tokens to the next window unless it is the end. */
        size_t scan = n == MAX_TOKS ? n - 8 : n;
        for (size_t k = 0; k < scan; k++) {
            sc_date d;
            size_t last;
            if (date_at(s, t, n, k, day_first, &d, &last) && plausible(d, TEXT_YEAR_MIN)) {
                *date = d;
                *start = t[k].start;
                *end = t[last].end;
                return true;
            }
        }
        if (n < MAX_TOKS)
            return false;
        from = t[scan].start;
    }
    return false;
}

/* ---- sources ---- */

typedef struct meta_key {
    const char *key;
    int rank;
} meta_key;

/* Published-date properties (name, property, itemprop or http-equiv),
 * strongest first; the rank orders them when a page has several. */
static const meta_key published_keys[] = {
    {"article:published_time", 0},
    {"og:article:published_time", 0},
    {"og:published_time", 0},
    {"article:published", 1},
    {"datepublished", 1},
    {"published_time", 1},
    {"publishdate", 2},
    {"publish_date", 2},
    {"publish-date", 2},
    {"published-date", 2},
    {"published_date", 2},
    {"publication_date", 2},
    {"pubdate", 2},
    {"parsely-pub-date", 2},
    {"sailthru.date", 2},
    {"citation_publication_date", 2},
    {"citation_date", 3},
    {"citation_online_date", 3},
    {"dc.date.issued", 3},
    {"dcterms.issued", 3},
    {"dc.date.created", 3},
    {"dcterms.created", 3},
    {"datecreated", 3},
    {"article.published", 3},
    {"article_date_original", 3},
    {"original-publish-date", 3},
    {"cxenseparse:recs:publishtime", 3},
    {"dc.date", 4},
    {"dcterms.date", 4},
    {"date", 4},
    {"created", 5},
    {"release_date", 5},
    {"displaydate", 5},
    {"dc.date.available", 6},
};

static const char *const modified_keys[] = {
    "article:modified_time", "og:updated_time",  "og:article:modified_time",
    "datemodified",          "dc.date.modified", "dcterms.modified",
    "last-modified",         "lastmod",          "modified",
    "dateupdated",           "article:modified",
};

static const char *meta_name(const xmlNode *node)
{
    const char *attrs[] = {"property", "name", "itemprop", "http-equiv"};
    for (int k = 0; k < 4; k++) {
        const char *v = html_attr(node, attrs[k]);
        if (v != NULL && v[0] != '\0')
            return v;
    }
    return NULL;
}

static void take(found_date *best, const found_date *cand)
{
    if (cand->ok && (!best->ok || cand->rank < best->rank))
        *best = *cand;
}

/* Whether key is one of published_keys or modified_keys. */
static bool listed_key(const char *key)
{
    for (size_t k = 0; k < sizeof published_keys / sizeof published_keys[0]; k++)
        if (strcmp(key, published_keys[k].key) == 0)
            return true;
    for (size_t k = 0; k < sizeof modified_keys / sizeof modified_keys[0]; k++)
        if (strcmp(key, modified_keys[k]) == 0)
            return true;
    return false;
}

static void from_meta(html_doc *h, found_date *pub, found_date *mod)
{
    for (size_t i = 0; i < h->n_els; i++) {
        const html_el *e = &h->els[i];
        if (e->tag != T_META &&
            !(e->tag != T_TIME && html_attr(e->node, "content") != NULL &&
              (html_attr(e->node, "itemprop") != NULL || html_attr(e->node, "property") != NULL)))
            continue;
        const char *name = meta_name(e->node);
        const char *value = html_attr(e->node, "content");
        if (name == NULL || value == NULL || value[0] == '\0')
            continue;
        char low[64];
        if (strlen(name) >= sizeof low)
            continue;
        html_lower(name, strlen(name), low, sizeof low);
        /* "schema:dateCreated", "og:article:published_time": the last
         * part names it. */
        const char *key = low;
        if (strncmp(key, "schema:", 7) == 0)
            key += 7;
        sc_date d;
        bool time;
        if (!parse_timestamp(value, &d, &time) || !plausible(d, META_YEAR_MIN)) {
            /* Some write a readable date: "December 15, 2021".  Only a
             * listed key takes a date without a time (below): the text of
             * any other (a description) is not searched. */
            /* Machine formats with slashes are American ("11/01/2023
             * 12:43:42" is November 1st). */
            size_t a, b;
            if (!listed_key(key) || !html_date_in_text(value, strlen(value), "en", &d, &a, &b))
                continue;
            time = false;
        }
        bool known = false;
        for (size_t k = 0; k < sizeof published_keys / sizeof published_keys[0]; k++)
            if (strcmp(key, published_keys[k].key) == 0) {
                known = true;
                found_date c = {
                    true, published_keys[k].rank, d, NULL, value, time, e->node, value, 0, 0};
                c.origin = sc_arena_printf(h->arena, "meta %s", name);
                if (c.origin != NULL)
                    take(pub, &c);
            }
        bool modified = strstr(key, "modif") || strstr(key, "updat") || strstr(key, "expir") ||
                        strstr(key, "revis") || strstr(key, "last");
        /* Other properties that name a publication or creation time. */
        if (!known && !modified && time &&
            (strstr(key, "publish") || strstr(key, "creat") || strstr(key, "release") ||
             strstr(key, "upload") || strstr(key, "date"))) {
            found_date c = {true, 8, d, NULL, value, time, e->node, value, 0, 0};
            c.origin = sc_arena_printf(h->arena, "meta %s", name);
            if (c.origin != NULL)
                take(pub, &c);
        }
        for (size_t k = 0; k < sizeof modified_keys / sizeof modified_keys[0]; k++)
            if (strcmp(key, modified_keys[k]) == 0 && !mod->ok) {
                found_date c = {true, 50, d, NULL, value, time, e->node, value, 0, 0};
                c.origin = sc_arena_printf(h->arena, "meta %s (modified)", name);
                if (c.origin != NULL)
                    *mod = c;
            }
    }
}

/* Article types outrank pages and sites when several objects date
 * themselves. */
static int jsonld_rank(json_t *obj)
{
    json_t *type = json_object_get(obj, "@type");
    const char *t = json_is_string(type) ? json_string_value(type) : NULL;
    if (json_is_array(type) && json_array_size(type) > 0 && json_is_string(json_array_get(type, 0)))
        t = json_string_value(json_array_get(type, 0));
    if (t == NULL)
        return 12;
    if (strstr(t, "Article") || strstr(t, "Posting") || strstr(t, "Report") || strstr(t, "News") ||
        strstr(t, "Blog"))
        return 10;
    if (strstr(t, "WebPage") || strstr(t, "Page"))
        return 11;
    return 12;
}

typedef struct jsonld_ctx {
    html_doc *h;
    const xmlNode *script;
    found_date *pub, *mod;
    int depth;
} jsonld_ctx;

static void jsonld_walk(jsonld_ctx *c, json_t *v)
{
    if (c->depth > 32)
        return;
    c->depth++;
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) jsonld_walk(c, x);
    } else if (json_is_object(v)) {
        int rank = jsonld_rank(v);
        static const char *const keys[] = {"datePublished", "dateCreated", "uploadDate",
                                           "dateModified"};
        for (int k = 0; k < 4; k++) {
            json_t *s = json_object_get(v, keys[k]);
            if (!json_is_string(s))
                continue;
            const char *value = json_string_value(s);
            sc_date d;
            bool time;
            if (!parse_timestamp(value, &d, &time) || !plausible(d, META_YEAR_MIN))
                continue;
            char *copy = sc_arena_strndup(c->h->arena, value, strlen(value));
            if (copy == NULL)
                continue;
            found_date f = {
                true, k == 0 ? rank : rank + 10, d, NULL, copy, time, c->script, copy, 0, 0};
            f.origin = k == 0   ? "json-ld datePublished"
                       : k == 1 ? "json-ld dateCreated"
                       : k == 2 ? "json-ld uploadDate"
                                : "json-ld dateModified";
            if (k == 3) {
                f.rank = 51;
                if (!c->mod->ok)
                    *c->mod = f;
            } else {
                take(c->pub, &f);
            }
        }
        const char *key;
        json_t *x;
        json_object_foreach(v, key, x)
        {
            if (json_is_object(x) || json_is_array(x))
                jsonld_walk(c, x);
        }
    }
    c->depth--;
}

static void from_jsonld(html_doc *h, found_date *pub, found_date *mod)
{
    for (size_t i = 0; i < h->n_els; i++) {
        const html_el *e = &h->els[i];
        if (e->tag != T_SCRIPT)
            continue;
        const char *type = html_attr(e->node, "type");
        if (type == NULL || strstr(type, "ld+json") == NULL)
            continue;
        xmlChar *content = xmlNodeGetContent(e->node);
        if (content == NULL)
            continue;
        size_t n = strlen((const char *)content);
        const char *s = (const char *)content;
        /* Some wrap it in an HTML comment or CDATA, or end it with ";". */
        while (n > 0 && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
            s++, n--;
        if (n >= 4 && memcmp(s, "<!--", 4) == 0)
            s += 4, n -= 4;
        while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r' ||
                         s[n - 1] == '\t' || s[n - 1] == ';'))
            n--;
        if (n >= 3 && memcmp(s + n - 3, "-->", 3) == 0)
            n -= 3;
        if (n > 0 && n <= JSONLD_MAX_BYTES) {
            json_t *root = json_loadb(s, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
            if (root != NULL) {
                jsonld_ctx c = {h, e->node, pub, mod, 0};
                jsonld_walk(&c, root);
                json_decref(root);
            }
        }
        xmlFree(content);
    }
}

/* Publication times in other scripts' JSON ("published_at": "...").  The
 * reader keeps the bodies of scripts that hold one of these keys. */
const char *const html_script_date_keys[HTML_SCRIPT_DATE_KEYS] = {
    "\"datePublished\"", "\"published_at\"", "\"publishedAt\"",
    "\"publishedDate\"", "\"publish_date\"", "\"pubDate\"",
    "\"createdAt\"",     "\"created_at\"",   "\"dateCreated\""};

static void from_scripts(html_doc *h, found_date *out)
{
    for (size_t i = 0; i < h->n_els && !out->ok; i++) {
        const html_el *e = &h->els[i];
        if (e->tag != T_SCRIPT || e->node->children == NULL)
            continue;
        /* libxml2 gives a script's text as a CDATA node. */
        const xmlNode *t = e->node->children;
        if ((t->type != XML_TEXT_NODE && t->type != XML_CDATA_SECTION_NODE) || t->content == NULL)
            continue;
        const char *s = (const char *)t->content;
        for (size_t k = 0; k < HTML_SCRIPT_DATE_KEYS && !out->ok; k++) {
            const char *next = s;
            for (const char *at;
                 !out->ok && (at = strstr(next, html_script_date_keys[k])) != NULL;) {
                next = at + 1;
                const char *v = at + strlen(html_script_date_keys[k]);
                while (*v == ' ' || *v == ':')
                    v++;
                if (*v != '"')
                    continue;
                v++;
                char stamp[40];
                size_t n = 0;
                while (v[n] && v[n] != '"' && n < sizeof stamp - 1) {
                    stamp[n] = v[n];
                    n++;
                }
                stamp[n] = '\0';
                sc_date d;
                bool time;
                if (!parse_timestamp(stamp, &d, &time) || !plausible(d, META_YEAR_MIN))
                    continue;
                char *copy = sc_arena_strndup(h->arena, stamp, n);
                if (copy == NULL)
                    continue;
                found_date c = {true, 35, d, "script data", copy, time, e->node, copy, 0, 0};
                *out = c;
            }
        }
    }
}

static const char *const published_class[] = {
    "published", "entry-date", "post-date", "article-date", "pubdate", "publish", "date-pub"};

static const char *const aside_words[] = {"comment",  "related",   "sidebar", "widget",
                                          "teaser",   "recommend", "footer",  "popular",
                                          "trending", "more-",     "reply",   "respond"};

/* Words that name other texts whatever the layout: a date marked as a
 * publication under them is still another text's. */
static const char *const other_text_words[] = {"comment",   "related", "teaser",
                                               "recommend", "reply",   "respond"};

/* A block that holds most of the page's text is its layout, whatever its
 * class says ("zen-one-sidebar-second", "has-footer"): not an aside. */
static bool layout_block(const html_doc *h, const html_el *e)
{
    return e->text * 2 > h->total_text;
}

/* Dates in comments, sidebars and teasers belong to other texts. */
static bool in_aside(const html_doc *h, const html_el *e)
{
    if (e == NULL || e->tag == T_BODY || e->tag == T_HTML)
        return false;
    /* Worked out once per element: the text scan asks for every block. */
    html_el *m = html_el_of(e->node);
    if (m == NULL || m->aside == 0) {
        bool own =
            e->tag == T_NAV || e->tag == T_ASIDE || e->tag == T_FOOTER ||
            (html_names_match(e->names, aside_words, sizeof aside_words / sizeof aside_words[0]) &&
             !layout_block(h, e));
        int aside = own || in_aside(h, e->parent) ? 2 : 1;
        if (m == NULL)
            return aside == 2;
        m->aside = aside;
    }
    return m->aside == 2;
}

/* The same for a date marked as the publication (itemprop, pubdate): a
 * layout word ("sidebar", "footer") in a class names a column or a card's
 * lower part, which holds an article's own byline as often as not. */
static bool in_other_text(const html_doc *h, const html_el *e)
{
    for (; e != NULL && e->tag != T_BODY && e->tag != T_HTML; e = e->parent) {
        if (e->tag == T_NAV || e->tag == T_ASIDE || e->tag == T_FOOTER)
            return true;
        if (html_names_match(e->names, other_text_words,
                             sizeof other_text_words / sizeof other_text_words[0]) &&
            !layout_block(h, e))
            return true;
    }
    return false;
}

/* <time datetime> and <abbr title> marked as the publication. */
static void from_time(html_doc *h, found_date *marked, found_date *first)
{
    for (size_t i = 0; i < h->n_els; i++) {
        const html_el *e = &h->els[i];
        if (e->tag != T_TIME && e->tag != T_ABBR)
            continue;
        if (e->flags & HF_GONE)
            continue;
        const char *v = html_attr(e->node, e->tag == T_TIME ? "datetime" : "title");
        const char *ip = html_attr(e->node, "itemprop");
        bool is_pub = (ip != NULL && strcmp(ip, "datePublished") == 0) ||
                      html_attr(e->node, "pubdate") != NULL ||
                      html_names_match(e->names, published_class,
                                       sizeof published_class / sizeof published_class[0]);
        if (is_pub ? in_other_text(h, e) : in_aside(h, e))
            continue;
        if (ip != NULL && strcmp(ip, "dateModified") == 0)
            continue;
        if (html_names_match(e->names, (const char *const[]){"updated", "modified"}, 2) && !is_pub)
            continue;
        sc_date d;
        bool time = false;
        const char *text = v;
        bool ok = v != NULL && parse_timestamp(v, &d, &time) && plausible(d, META_YEAR_MIN);
        if (!ok && e->tag == T_ABBR && v != NULL && strlen(v) <= DATE_LINE_MAX_BYTES) {
            /* <abbr title="Freitag, 6. Oktober 2017 um 04:00">: a readable
             * date in the title. */
            size_t a, b;
            if (html_date_in_text(v, strlen(v), h->lang, &d, &a, &b)) {
                ok = true;
                text = sc_arena_strndup(h->arena, v + a, b - a);
            }
        }
        if (!ok && e->tag == T_TIME) {
            size_t n, a, b;
            char *t = html_text_of(h, e->node, 0, &n);
            if (t != NULL && n <= DATE_LINE_MAX_BYTES &&
                html_date_in_text(t, n, h->lang, &d, &a, &b)) {
                ok = true;
                text = sc_arena_strndup(h->arena, t + a, b - a);
                v = NULL;
            }
        }
        if (!ok || text == NULL)
            continue;
        found_date c = {true, is_pub ? 20 : 30, d, NULL, text, time, e->node, v, 0, 0};
        c.origin = is_pub ? (e->tag == T_TIME ? "time datetime (published)" : "abbr (published)")
                          : "time datetime";
        if (is_pub)
            take(marked, &c);
        else if (!first->ok && e->tag == T_TIME)
            *first = c;
    }
}

/* /2021/12/15/, /2021-12-15, /20211215/ in a URL's path. */
static bool url_date(const char *url, sc_date *d, size_t *a, size_t *b)
{
    const char *p = strstr(url, "://");
    p = p != NULL ? strchr(p + 3, '/') : url;
    if (p == NULL)
        return false;
    for (const char *s = p; *s; s++) {
        if (*s != '/' && *s != '-' && *s != '_')
            continue;
        const char *y = s + 1;
        if (!(digit(y[0]) && digit(y[1]) && digit(y[2]) && digit(y[3])))
            continue;
        int year = num(y, 4);
        const char *m = y + 4;
        if ((*m == '/' || *m == '-' || *m == '_') && digit(m[1])) {
            const char *q = m + 1;
            size_t ml = digit(q[1]) ? 2 : 1;
            const char *dd = q + ml;
            if ((*dd == '/' || *dd == '-' || *dd == '_') && digit(dd[1])) {
                size_t dl = digit(dd[2]) ? 2 : 1;
                char after = dd[1 + dl];
                if (after == '/' || after == '-' || after == '_' || after == '.' || after == '\0') {
                    *d = (sc_date){year, num(q, ml), num(dd + 1, dl)};
                    *a = (size_t)(y - url);
                    *b = (size_t)(dd + 1 + dl - url);
                    if (plausible(*d, META_YEAR_MIN))
                        return true;
                }
            }
        } else if (digit(m[0]) && digit(m[1]) && digit(m[2]) && digit(m[3]) &&
                   (m[4] == '/' || m[4] == '-' || m[4] == '_' || m[4] == '.' || m[4] == '\0') &&
                   (year / 100 == 19 || year / 100 == 20)) {
            *d = (sc_date){year, num(m, 2), num(m + 2, 2)};
            *a = (size_t)(y - url);
            *b = (size_t)(m + 4 - url);
            if (plausible(*d, META_YEAR_MIN))
                return true;
        }
    }
    return false;
}

static void from_url(html_doc *h, found_date *out)
{
    for (size_t i = 0; i < h->n_els && !out->ok; i++) {
        const html_el *e = &h->els[i];
        const char *url = NULL;
        if (e->tag == T_LINK) {
            const char *rel = html_attr(e->node, "rel");
            if (rel != NULL && strcmp(rel, "canonical") == 0)
                url = html_attr(e->node, "href");
        } else if (e->tag == T_META) {
            const char *p = meta_name(e->node);
            if (p != NULL && strcmp(p, "og:url") == 0)
                url = html_attr(e->node, "content");
        }
        sc_date d;
        size_t a, b;
        if (url == NULL || !url_date(url, &d, &a, &b))
            continue;
        found_date c = {true, 40, d, "canonical URL", url, false, e->node, url, 0, 0};
        *out = c;
    }
}

static const char *const date_line_names[] = {
    "date",      "time",       "publish",      "posted",    "byline",  "meta",      "datum",
    "fecha",     "tanggal",    "dateline",     "timestamp", "created", "submitted", "postinfo",
    "post-info", "entry-info", "article-info", "info",      "author",  "data=",     "pub"};

/* The first date in a short element named like a date line or byline,
 * after the page's heading; else the first date in the text after it. */
static void from_text(html_doc *h, found_date *line, found_date *text)
{
    size_t h1 = SIZE_MAX;
    for (size_t i = 0; i < h->n_els; i++)
        if (h->els[i].tag == T_H1 && !(h->els[i].flags & HF_GONE) && h->els[i].text > 0) {
            h1 = i;
            break;
        }
    size_t from = h1 != SIZE_MAX ? h1 : 0;
    for (int pass = 0; pass < 2 && !line->ok; pass++) {
        size_t a0 = pass == 0 ? from : 0, a1 = pass == 0 ? h->n_els : from;
        size_t seen = 0;
        for (size_t i = a0; i < a1 && !line->ok && seen < NEAR_TITLE_ELEMENTS * 4; i++, seen++) {
            html_el *e = &h->els[i];
            if ((e->flags & HF_GONE) || e->text == 0 || e->text > DATE_LINE_MAX_BYTES ||
                in_aside(h, e))
                continue;
            if (!html_names_match(e->names, date_line_names,
                                  sizeof date_line_names / sizeof date_line_names[0]))
                continue;
            size_t n, a, b;
            char *t = html_text_of(h, e->node, 0, &n);
            sc_date d;
            if (t == NULL || !html_date_in_text(t, n, h->lang, &d, &a, &b))
                continue;
            found_date c = {
                true, pass == 0 ? 45 : 47, d, "date line", NULL, false, e->node, NULL, 0, 0};
            c.text = sc_arena_strndup(h->arena, t + a, b - a);
            if (c.text != NULL)
                *line = c;
        }
    }
    /* The first date in any text node after the heading (then before). */
    /* Short text first (a date standing alone is the page's; one inside a
     * sentence is often an event's), after the heading, outside asides;
     * then any text after the heading, before it, anywhere. */
    /* Pass -1: a short date inside the article's container, when the
     * page has no heading to go by. */
    for (int pass = h1 == SIZE_MAX && h->article != NULL ? -1 : 0; pass < 4 && !text->ok; pass++) {
        size_t a0 = pass <= 1 ? from : 0, a1 = pass == 2 ? from : h->n_els;
        for (size_t i = a0; i < a1 && !text->ok; i++) {
            html_el *e = &h->els[i];
            /* Text outside asides that the passes before searched in
             * vain is not searched again: the last pass reads asides. */
            if ((e->flags & HF_GONE) || in_aside(h, e) != (pass == 3))
                continue;
            if (pass == -1 && !html_is_ancestor(h->article, e))
                continue;
            for (xmlNode *c = e->node->children; c != NULL && !text->ok; c = c->next) {
                if (c->type != XML_TEXT_NODE || c->content == NULL)
                    continue;
                const char *s = (const char *)c->content;
                size_t n = strlen(s), a, b;
                sc_date d;
                /* Pass 1 reads the long text after pass 0's short. */
                if (n < 6 || (pass <= 0 && n > SHORT_DATE_TEXT) ||
                    (pass == 1 && n <= SHORT_DATE_TEXT) ||
                    !html_date_in_text(s, n, h->lang, &d, &a, &b))
                    continue;
                found_date f = {true, 60 + pass, d, "page text", NULL, false, c, NULL, 0, 0};
                f.text = sc_arena_strndup(h->arena, s + a, b - a);
                if (f.text == NULL)
                    continue;
                /* The date's own bytes when the text node is placed. */
                size_t s0, e0;
                if (html_span_of(h, c, &s0, &e0) && h->encoding == ENC_UTF8 && e0 - s0 >= b - a) {
                    size_t lead = 0;
                    while (lead < n && (s[lead] == ' ' || s[lead] == '\n' || s[lead] == '\t' ||
                                        s[lead] == '\r'))
                        lead++;
                    if (a >= lead && s0 + (a - lead) + (b - a) <= e0 &&
                        memcmp(h->raw + s0 + (a - lead), s + a, b - a) == 0) {
                        f.start = s0 + (a - lead);
                        f.end = f.start + (b - a);
                    }
                }
                *text = f;
            }
        }
    }
}

/* A page that states no date anywhere a reader sees still carries one in
 * its source: in a file path ("/files/2016/05/04/"), an id
 * ("news20190624_"), script data.  As htmldate's extensive search does
 * (Barbaresi, "htmldate: A Python package to extract publication dates
 * from web pages", JOSS 2020), the raw page is scanned for ISO-like
 * dates and the one written most often wins (ties: the first).  Last
 * resort only: a link's date is another page's. */
enum { RAW_MAX_CANDIDATES = 64 };

typedef struct raw_candidate {
    sc_date date;
    size_t count, first, end;
} raw_candidate;

static bool raw_date_at(const char *s, size_t len, size_t i, sc_date *d, size_t *end)
{
    /* Not inside a longer number. */
    if (i > 0 && digit(s[i - 1]))
        return false;
    if (i + 8 > len || !(digit(s[i]) && digit(s[i + 1]) && digit(s[i + 2]) && digit(s[i + 3])))
        return false;
    int year = num(s + i, 4);
    if (year / 100 != 19 && year / 100 != 20)
        return false;
    size_t j = i + 4;
    char sep = s[j];
    if (sep == '-' || sep == '/' || sep == '.') {
        if (j + 6 > len || !digit(s[j + 1]) || !digit(s[j + 2]) || s[j + 3] != sep ||
            !digit(s[j + 4]) || !digit(s[j + 5]))
            return false;
        *d = (sc_date){year, num(s + j + 1, 2), num(s + j + 4, 2)};
        *end = j + 6;
    } else if (digit(sep)) {
        /* YYYYMMDD, then not a digit: an id or a path part. */
        if (j + 4 > len || !digit(s[j + 1]) || !digit(s[j + 2]) || !digit(s[j + 3]))
            return false;
        *d = (sc_date){year, num(s + j, 2), num(s + j + 2, 2)};
        *end = j + 4;
    } else {
        return false;
    }
    if (*end < len && digit(s[*end]))
        return false;
    return plausible(*d, META_YEAR_MIN);
}

static void from_raw(html_doc *h, found_date *out)
{
    if (h->encoding == ENC_UTF16LE || h->encoding == ENC_UTF16BE)
        return;
    raw_candidate cand[RAW_MAX_CANDIDATES];
    size_t n = 0;
    const char *s = h->raw;
    for (size_t i = 0; i + 8 <= h->raw_len; i++) {
        sc_date d;
        size_t end;
        if (!digit(s[i]) || !raw_date_at(s, h->raw_len, i, &d, &end))
            continue;
        size_t k = 0;
        while (k < n && sc_date_days(cand[k].date) != sc_date_days(d))
            k++;
        if (k < n)
            cand[k].count++;
        else if (n < RAW_MAX_CANDIDATES)
            cand[n++] = (raw_candidate){d, 1, i, end};
        i = end - 1;
    }
    size_t best = SIZE_MAX;
    for (size_t k = 0; k < n; k++)
        if (best == SIZE_MAX || cand[k].count > cand[best].count)
            best = k;
    if (best == SIZE_MAX)
        return;
    const raw_candidate *c = &cand[best];
    char *text = sc_arena_strndup(h->arena, s + c->first, c->end - c->first);
    if (text == NULL)
        return;
    found_date f = {true, 90, c->date, "page source", text, false, NULL, NULL, c->first, c->end};
    *out = f;
}

/* A timestamp stated in UTC ("Z", "+00:00") or with no zone at all. */
static bool utc_stamp(const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        n--;
    if (n > 0 && (s[n - 1] == 'Z' || s[n - 1] == 'z'))
        return true;
    if (n >= 6 && (memcmp(s + n - 6, "+00:00", 6) == 0 || memcmp(s + n - 6, "-00:00", 6) == 0))
        return true;
    if (n >= 5 && memcmp(s + n - 5, "+0000", 5) == 0)
        return true;
    /* No zone: the last character after the time is a digit. */
    const char *t = strchr(s, 'T');
    if (t == NULL)
        t = strchr(s, ' ');
    return t != NULL && strchr(t, '+') == NULL && strchr(t + 1, '-') == NULL && n > 0 &&
           digit(s[n - 1]);
}

sc_status html_find_date(html_doc *h, sc_page *page)
{
    found_date pub = {0}, mod = {0}, marked = {0}, first_time = {0}, url = {0}, line = {0},
               text = {0};
    from_meta(h, &pub, &mod);
    from_jsonld(h, &pub, &mod);
    from_time(h, &marked, &first_time);
    from_url(h, &url);
    found_date script = {0};
    from_scripts(h, &script);
    found_date best = {0};
    take(&best, &pub);
    take(&best, &marked);
    take(&best, &url);
    from_text(h, &line, &text);
    /* A generic <meta name="date"> (or dc.date, "created") is often the
     * last edit in the CMS: as htmldate keeps such a header date in
     * reserve, a <time> marked as the publication or a date line under
     * the heading goes first. */
    bool weak_meta = best.ok && best.rank >= WEAK_META_RANK && best.rank < 10 &&
                     best.origin != NULL && strncmp(best.origin, "meta ", 5) == 0;
    if (weak_meta && marked.ok)
        best = marked;
    else if (weak_meta && line.ok && line.rank == 45)
        best = line;
    if (!best.ok) {
        take(&best, &script);
        take(&best, &line);
        take(&best, &first_time);
        take(&best, &text);
        take(&best, &mod);
        if (!best.ok)
            from_raw(h, &best);
    } else if (best.has_time && utc_stamp(best.text)) {
        /* A UTC timestamp's day is not always the day the page shows in
         * its own zone: a date line a day off is the local day. */
        const found_date *shown = line.ok ? &line : first_time.ok ? &first_time : NULL;
        if (shown != NULL && labs(sc_date_days(shown->date) - sc_date_days(best.date)) == 1)
            best = *shown;
    }
    if (!best.ok)
        return SC_OK;
    /* Attribute values live in the tree, which goes before the page. */
    const char *as_written =
        best.text != NULL ? sc_arena_strndup(h->arena, best.text, strlen(best.text)) : NULL;
    if (best.text != NULL && as_written == NULL)
        return SC_ERR_NOMEM;
    /* A date line or <time> of its own is page furniture, not article. */
    html_el *el = html_el_of(best.node);
    if (el == NULL && best.node != NULL)
        el = html_el_of(best.node->parent);
    if (el != NULL && el->tag != T_META && el->tag != T_SCRIPT && el->tag != T_LINK &&
        el->text <= DATE_LINE_MAX_BYTES)
        h->date_line = el;
    page->has_page_date = true;
    page->page_date = best.date;
    page->page_date_origin = best.origin;
    page->page_date_text = as_written;
    if (best.has_time)
        page->page_date_time = as_written;
    /* The page-date block: the attribute value or the text that states it. */
    size_t start = best.start, end = best.end;
    bool placed = end > 0;
    if (!placed && best.attr != NULL && best.node != NULL)
        placed = html_attr_span(h, best.node, best.attr, &start, &end);
    if (!placed && best.node != NULL)
        placed = html_span_of(h, best.node, &start, &end);
    if (placed)
        return sc_page_add_block(h->arena, page, SC_ROLE_PAGE_DATE, SC_FIELD_PAGE, start, end);
    return SC_OK;
}
