/* Tests for the CLDR month and weekday names (src/lang/date_names.c): lookups
 * in each of the twelve locales, this project's added spellings, words that
 * are names only in some languages, numeric date order, relative-day words,
 * and that the committed date_names.inc is what its generator writes. */
#define _POSIX_C_SOURCE 200809L

#include "harness.h"
#include "lang/date_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define N(array) ((int)(sizeof(array) / sizeof((array)[0])))

/* Words are given case-folded, as the tokenizer hands them over. */
static const struct {
    const char *lang;
    const char *word;
    bool found;
    int month, weekday;
    bool abbreviated;
} lookup_cases[] = {
    /* Indonesian */
    {"id", "januari", true, 1, 0, false},
    {"id", "februari", true, 2, 0, false},
    {"id", "maret", true, 3, 0, false},
    {"id", "mei", true, 5, 0, false}, /* full and abbreviated alike: full */
    {"id", "agustus", true, 8, 0, false},
    {"id", "agu", true, 8, 0, true},
    {"id", "okt", true, 10, 0, true},
    {"id", "des", true, 12, 0, true},
    {"id", "des.", true, 12, 0, true},
    {"id", "desember", true, 12, 0, false},
    {"id", "senin", true, 0, 1, false},
    {"id", "sen", true, 0, 1, true},
    {"id", "selasa", true, 0, 2, false},
    {"id", "rabu", true, 0, 3, false},
    {"id", "kamis", true, 0, 4, false},
    {"id", "jumat", true, 0, 5, false},
    {"id", "sabtu", true, 0, 6, false},
    {"id", "minggu", true, 0, 7, false},
    {"id", "min", true, 0, 7, true},
    /* Indonesian spellings news uses beyond CLDR (project additions) */
    {"id", "nopember", true, 11, 0, false},
    {"id", "pebruari", true, 2, 0, false},
    {"id", "jum'at", true, 0, 5, false},
    {"id", "ahad", true, 0, 7, false},
    {"id", "agt", true, 8, 0, true},
    {"id", "agt.", true, 8, 0, true},
    {"id", "agust", true, 8, 0, true},
    {"id", "jumaat", true, 0, 5, false},
    /* English is searched in every language */
    {"id", "december", true, 12, 0, false},
    {"id", "wednesday", true, 0, 3, false},
    {"id", "sept", true, 9, 0, true},
    {"id", "jun", true, 6, 0, true},
    /* "id" covers Indonesian only: Malay and Spanish names are not searched */
    {"id", "isnin", false, 0, 0, false},
    {"id", "lunes", false, 0, 0, false},
    {"id", "mars", false, 0, 0, false},
    {"id", "hari", false, 0, 0, false},
    /* English */
    {"en", "january", true, 1, 0, false},
    {"en", "jan", true, 1, 0, true},
    {"en", "jan.", true, 1, 0, true},
    {"en", "may", true, 5, 0, false},
    {"en", "mar", true, 3, 0, true},
    {"en", "sep", true, 9, 0, true},
    {"en", "sept", true, 9, 0, true},
    {"en", "sept.", true, 9, 0, true},
    {"en", "monday", true, 0, 1, false},
    {"en", "wed", true, 0, 3, true},
    {"en", "sun", true, 0, 7, true},
    {"en", "tues", true, 0, 2, true},
    {"en", "thur", true, 0, 4, true},
    {"en", "thurs", true, 0, 4, true},
    {"en", "thurs.", true, 0, 4, true},
    {"en", "weds", true, 0, 3, true},
    {"en", "mars", false, 0, 0, false}, /* French only */
    {"en", "juni", false, 0, 0, false},
    {"en", "so", false, 0, 0, false},
    {"en", "month", false, 0, 0, false},
    {"en", "mayday", false, 0, 0, false},
    {"en", "January", false, 0, 0, false}, /* not case-folded */
    {"en", "", false, 0, 0, false},
    {"en", ".", false, 0, 0, false},
    {"en-GB", "sept", true, 9, 0, true},
    {"en_US", "thursday", true, 0, 4, false},
    /* Filipino: "mar" is both March and Martes; the month wins */
    {"fil", "enero", true, 1, 0, false},
    {"fil", "pebrero", true, 2, 0, false},
    {"fil", "marso", true, 3, 0, false},
    {"fil", "mar", true, 3, 0, true},
    {"fil", "hunyo", true, 6, 0, false},
    {"fil", "setyembre", true, 9, 0, false},
    {"fil", "dis", true, 12, 0, true},
    {"fil", "miyerkules", true, 0, 3, false},
    {"fil", "huwebes", true, 0, 4, false},
    {"fil", "biyernes", true, 0, 5, false},
    {"fil", "lin", true, 0, 7, true},
    {"tl", "linggo", true, 0, 7, false}, /* CLDR alias tl = fil */
    /* Malay */
    {"ms", "mac", true, 3, 0, false},
    {"ms", "jun", true, 6, 0, false}, /* a full name in Malay */
    {"ms", "julai", true, 7, 0, false},
    {"ms", "ogos", true, 8, 0, false},
    {"ms", "ogo", true, 8, 0, true},
    {"ms", "disember", true, 12, 0, false},
    {"ms", "isnin", true, 0, 1, false},
    {"ms", "khamis", true, 0, 4, false},
    {"ms", "jumaat", true, 0, 5, false},
    {"ms", "ahad", true, 0, 7, false},
    {"ms", "ahd", true, 0, 7, true},
    {"ms", "jumat", false, 0, 0, false}, /* Indonesian, not Malay */
    /* Spanish */
    {"es", "enero", true, 1, 0, false},
    {"es", "mar", true, 3, 0, true}, /* marzo and martes: the month */
    {"es", "sept", true, 9, 0, true},
    {"es", "septiembre", true, 9, 0, false},
    {"es", "dic", true, 12, 0, true},
    {"es", "martes", true, 0, 2, false},
    {"es", "miércoles", true, 0, 3, false},
    {"es", "mié", true, 0, 3, true},
    {"es", "sábado", true, 0, 6, false},
    {"es", "sáb", true, 0, 6, true},
    {"en", "martes", false, 0, 0, false},
    /* French: "mar." is mardi in French, which wins over English March */
    {"fr", "janvier", true, 1, 0, false},
    {"fr", "janv.", true, 1, 0, true},
    {"fr", "février", true, 2, 0, false},
    {"fr", "févr", true, 2, 0, true},
    {"fr", "mars", true, 3, 0, false},
    {"fr", "mar", true, 0, 2, true},
    {"fr", "mar.", true, 0, 2, true},
    {"fr", "mai", true, 5, 0, false},
    {"fr", "août", true, 8, 0, false},
    {"fr", "déc.", true, 12, 0, true},
    {"fr", "mercredi", true, 0, 3, false},
    {"fr", "sam.", true, 0, 6, true},
    {"fr", "dimanche", true, 0, 7, false},
    {"fr", "march", true, 3, 0, false}, /* English */
    {"fr", "marz", false, 0, 0, false},
    /* German */
    {"de", "januar", true, 1, 0, false},
    {"de", "märz", true, 3, 0, false},
    {"de", "mär", true, 3, 0, true}, /* stand-alone abbreviation */
    {"de", "juni", true, 6, 0, false},
    {"de", "jun", true, 6, 0, true},
    {"de", "sept.", true, 9, 0, true},
    {"de", "dez", true, 12, 0, true},
    {"de", "montag", true, 0, 1, false},
    {"de", "mittwoch", true, 0, 3, false},
    {"de", "do.", true, 0, 4, true},
    {"de", "so", true, 0, 7, true},
    {"de", "januarx", false, 0, 0, false},
    /* Portuguese, Brazil and Portugal */
    {"pt", "janeiro", true, 1, 0, false},
    {"pt", "março", true, 3, 0, false},
    {"pt", "mai.", true, 5, 0, true},
    {"pt", "maio", true, 5, 0, false},
    {"pt", "set.", true, 9, 0, true},
    {"pt", "segunda-feira", true, 0, 1, false},
    {"pt", "segunda", true, 0, 1, true},         /* pt-PT abbreviation */
    {"pt", "terça", true, 0, 2, true},           /* pt-PT abbreviation */
    {"pt", "sábado", true, 0, 6, false},         /* full in both */
    {"pt-PT", "qui.", true, 0, 4, true},         /* pt abbreviation */
    {"pt-BR", "terça-feira", true, 0, 2, false}, /* region without tables */
    /* Dutch */
    {"nl", "januari", true, 1, 0, false},
    {"nl", "maart", true, 3, 0, false},
    {"nl", "mrt", true, 3, 0, true},
    {"nl", "mei", true, 5, 0, false},
    {"nl", "okt", true, 10, 0, true},
    {"nl", "maandag", true, 0, 1, false},
    {"nl", "woensdag", true, 0, 3, false},
    {"nl", "za", true, 0, 6, true},
    {"nl", "zo", true, 0, 7, true},
    /* Italian */
    {"it", "gennaio", true, 1, 0, false},
    {"it", "mar", true, 3, 0, true},
    {"it", "maggio", true, 5, 0, false},
    {"it", "mag", true, 5, 0, true},
    {"it", "ott", true, 10, 0, true},
    {"it", "lunedì", true, 0, 1, false},
    {"it", "giovedì", true, 0, 4, false},
    {"it", "gio", true, 0, 4, true},
    {"it", "domenica", true, 0, 7, false},
    {"it", "mars", false, 0, 0, false},
    /* Every locale: NULL, "und" or "" */
    {NULL, "mars", true, 3, 0, false},
    {NULL, "mar", true, 3, 0, true},
    {NULL, "jun", true, 6, 0, true}, /* Indonesian, first in table order */
    {"und", "maandag", true, 0, 1, false},
    {"und", "isnin", true, 0, 1, false},
    {"", "märz", true, 3, 0, false},
    {NULL, "tomorrow", false, 0, 0, false},
    /* A language without tables: English only */
    {"ja", "march", true, 3, 0, false},
    {"ja", "mars", false, 0, 0, false},
    {"ja", "maart", false, 0, 0, false},
};

START_TEST(test_lookup)
{
    const char *lang = lookup_cases[_i].lang, *word = lookup_cases[_i].word;
    sc_date_name name = {-1, -1, true};
    bool found = sc_date_name_lookup(lang, word, strlen(word), &name);

    ck_assert_msg(found == lookup_cases[_i].found, "%s \"%s\": found=%d, want %d",
                  lang ? lang : "NULL", word, found, lookup_cases[_i].found);
    if (!found)
        return;
    ck_assert_msg(name.month == lookup_cases[_i].month &&
                      name.weekday == lookup_cases[_i].weekday &&
                      name.abbreviated == lookup_cases[_i].abbreviated,
                  "%s \"%s\": month %d weekday %d abbreviated %d, want %d %d %d",
                  lang ? lang : "NULL", word, name.month, name.weekday, name.abbreviated,
                  lookup_cases[_i].month, lookup_cases[_i].weekday, lookup_cases[_i].abbreviated);
}
END_TEST

START_TEST(test_lookup_length)
{
    sc_date_name name;

    /* Only word[0..len) counts; the word need not end there. */
    ck_assert(sc_date_name_lookup("fr", "marsxyz", 4, &name));
    ck_assert_int_eq(name.month, 3);
    ck_assert(!sc_date_name_lookup("fr", "mar", 2, &name));
    ck_assert(sc_date_name_lookup("en", "sept. 5", 5, &name));
    ck_assert_int_eq(name.month, 9);
    /* An embedded NUL is a byte like any other, not an end. */
    ck_assert(!sc_date_name_lookup("en", "may\0x", 5, &name));
    ck_assert(!sc_date_name_lookup("en", NULL, 3, &name));
    ck_assert(!sc_date_name_lookup("en", "..", 2, &name));
    /* name may be NULL to test membership. */
    ck_assert(sc_date_name_lookup("id", "rabu", 4, NULL));
}
END_TEST

static const struct {
    const char *lang;
    bool day_first;
} day_first_cases[] = {
    {"id", true},    {"ms", true},     {"es", true},         {"pt", true},    {"fr", true},
    {"it", true},    {"de", true},     {"nl", true},         {"en-GB", true}, {"en", false},
    {"fil", false},  {"en-US", false}, {"en_US", false},     {"EN", false},   {"en-gb", true},
    {"en_GB", true}, {"en-AU", false}, {"en-Latn-GB", true}, {"pt-PT", true}, {"pt-BR", true},
    {"tl", false},   {"in", true},     {NULL, true},         {"und", true},   {"", true},
    {"ja", true},    {"e", true},      {"fi", true},         {"filx", true},  {"ms-MY", true},
};

START_TEST(test_day_first)
{
    const char *lang = day_first_cases[_i].lang;

    ck_assert_msg(sc_date_day_first(lang) == day_first_cases[_i].day_first,
                  "%s: day first %d, want %d", lang ? lang : "NULL", sc_date_day_first(lang),
                  day_first_cases[_i].day_first);
}
END_TEST

static const struct {
    const char *lang;
    const char *word;
    bool found;
    int days;
} relative_cases[] = {
    {"id", "kemarin", true, -1},      {"id", "hari ini", true, 0},    {"id", "besok", true, 1},
    {"id", "yesterday", true, -1},                                 /* English too */
    {"id", "hari  ini", false, 0},                                 /* one space only */
    {"id", "hari", false, 0},         {"id", "semalam", false, 0}, /* Malay */
    {"en", "yesterday", true, -1},    {"en", "today", true, 0},       {"en", "tomorrow", true, 1},
    {"en", "kemarin", false, 0},      {"en-GB", "today", true, 0},    {"fil", "kahapon", true, -1},
    {"fil", "ngayong araw", true, 0}, {"fil", "bukas", true, 1},      {"ms", "semalam", true, -1},
    {"ms", "hari ini", true, 0},      {"ms", "esok", true, 1},        {"es", "ayer", true, -1},
    {"es", "hoy", true, 0},           {"es", "mañana", true, 1},      {"fr", "hier", true, -1},
    {"fr", "aujourd’hui", true, 0},   {"fr", "aujourd'hui", true, 0}, /* project addition */
    {"fr", "demain", true, 1},        {"de", "gestern", true, -1},    {"de", "heute", true, 0},
    {"de", "morgen", true, 1},        {"pt", "ontem", true, -1},      {"pt", "hoje", true, 0},
    {"pt-PT", "amanhã", true, 1},     {"nl", "gisteren", true, -1},   {"nl", "vandaag", true, 0},
    {"nl", "morgen", true, 1},        {"it", "ieri", true, -1},       {"it", "oggi", true, 0},
    {"it", "domani", true, 1},        {NULL, "esok", true, 1},        {"und", "gisteren", true, -1},
    {"ja", "today", true, 0},         {"ja", "hoy", false, 0},        {"en", "", false, 0},
};

START_TEST(test_relative_day)
{
    const char *lang = relative_cases[_i].lang, *word = relative_cases[_i].word;
    int days = 99;
    bool found = sc_date_relative_day(lang, word, strlen(word), &days);

    ck_assert_msg(found == relative_cases[_i].found, "%s \"%s\": found=%d, want %d",
                  lang ? lang : "NULL", word, found, relative_cases[_i].found);
    if (found)
        ck_assert_msg(days == relative_cases[_i].days, "%s \"%s\": %d days, want %d",
                      lang ? lang : "NULL", word, days, relative_cases[_i].days);
}
END_TEST

START_TEST(test_relative_day_length)
{
    int days = 99;

    /* "hari ini" within a longer text, as the caller joins two tokens. */
    ck_assert(sc_date_relative_day("id", "hari ini juga", 8, &days));
    ck_assert_int_eq(days, 0);
    ck_assert(!sc_date_relative_day("id", "hari ini", 7, &days));
    ck_assert(!sc_date_relative_day("id", NULL, 4, &days));
    ck_assert(sc_date_relative_day("id", "besok", 5, NULL));
}
END_TEST

/* The project root: SC_SOURCE_DIR, else this file's path less
 * "tests/test_date_names.c" (meson compiles it as "../tests/..." from the
 * build directory, where meson test runs it). */
static void source_dir(char *out, size_t cap)
{
    const char *env = getenv("SC_SOURCE_DIR");
    const char *file = __FILE__;
    const char *suffix = "tests/test_date_names.c";
    size_t n = strlen(file), s = strlen(suffix);

    if (env != NULL && *env != '\0') {
        snprintf(out, cap, "%s", env);
        return;
    }
    if (n >= s && strcmp(file + n - s, suffix) == 0)
        n -= s;
    else
        n = 0;
    while (n > 1 && file[n - 1] == '/')
        n--;
    if (n == 0)
        snprintf(out, cap, ".");
    else
        snprintf(out, cap, "%.*s", (int)n, file);
}

START_TEST(test_generated_table_is_current)
{
    const char *subset = sc_test_shared_path("bench/cldr/cldr_dates_subset.json");
    char root[4096], generator[4200], committed[4200], subset_copy[4096];
    char tmp[] = "/tmp/sc_date_names_XXXXXX";
    size_t want_len = 0, got_len = 0;
    int status = 0;

    ck_assert_ptr_nonnull(subset);
    snprintf(subset_copy, sizeof subset_copy, "%s", subset);
    source_dir(root, sizeof root);
    snprintf(generator, sizeof generator, "%s/src/lang/gen_date_names.py", root);
    snprintf(committed, sizeof committed, "%s/src/lang/date_names.inc", root);
    ck_assert_msg(access(generator, R_OK) == 0,
                  "%s not found: set SC_SOURCE_DIR to the project root", generator);

    int fd = mkstemp(tmp);
    ck_assert_msg(fd >= 0, "cannot create a temporary file");
    close(fd);

    pid_t pid = fork();
    ck_assert_msg(pid >= 0, "fork failed");
    if (pid == 0) {
        char python[] = "python3", output_flag[] = "-o";
        char *argv[] = {python, generator, subset_copy, output_flag, tmp, NULL};
        execvp(argv[0], argv);
        _exit(127);
    }
    ck_assert_msg(waitpid(pid, &status, 0) == pid, "waitpid failed");

    char *want = sc_test_read_file(committed, &want_len);
    char *got = sc_test_read_file(tmp, &got_len);
    remove(tmp);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "python3 gen_date_names.py failed (status %d; 127: python3 not found)", status);
    ck_assert_msg(want != NULL, "cannot read %s", committed);
    ck_assert_msg(got != NULL, "cannot read the generator's output");
    ck_assert_msg(want_len == got_len && memcmp(want, got, want_len) == 0,
                  "src/lang/date_names.inc differs from what gen_date_names.py writes "
                  "(%zu vs %zu bytes): regenerate it",
                  want_len, got_len);
    free(want);
    free(got);
}
END_TEST

/* The last tag's locales are remembered: a tag that begins another, or
 * that another begins, must not take its locales ("e" has no tables, so
 * searches English only; "es" searches Spanish too). */
START_TEST(test_tag_memo)
{
    static const struct {
        const char *lang;
        bool enero;
    } steps[] = {
        {"es", true},   {"e", false},    {"es", true},  {"es-MX", true},  {"e", false},
        {"esx", false}, {"es_ES", true}, {NULL, true},  {"en", false},    {"es", true},
        {"", true},     {"es", true},    {"und", true}, {"en-GB", false}, {"es", true},
    };
    for (size_t i = 0; i < N(steps); i++) {
        const char *lang = steps[i].lang;
        sc_date_word dw;
        sc_date_word_lookup(lang, "enero", 5, &dw);
        ck_assert_msg(dw.is_name == steps[i].enero, "step %zu, %s: \"enero\" a name: %d", i,
                      lang ? lang : "NULL", dw.is_name);
        ck_assert_int_eq(sc_date_name_lookup(lang, "enero", 5, NULL), steps[i].enero);
    }
}
END_TEST

/* One word's answers from the hash table and from the searches. */
static void check_word_against_search(const char *lang, const char *word, size_t len)
{
    sc_date_word fast, plain;

    sc_date_word_lookup(lang, word, len, &fast);
    sc_date_word_search(lang, word, len, &plain);
    const char *l = lang ? lang : "NULL";
    ck_assert_msg(fast.is_name == plain.is_name, "%s \"%.*s\": name %d, searched %d", l, (int)len,
                  word, fast.is_name, plain.is_name);
    if (fast.is_name) {
        ck_assert_msg(fast.name.month == plain.name.month &&
                          fast.name.weekday == plain.name.weekday &&
                          fast.name.abbreviated == plain.name.abbreviated,
                      "%s \"%.*s\": name differs from the search's", l, (int)len, word);
    }
    ck_assert_msg(fast.is_relative == plain.is_relative, "%s \"%.*s\": relative %d, searched %d", l,
                  (int)len, word, fast.is_relative, plain.is_relative);
    if (fast.is_relative)
        ck_assert_int_eq(fast.days, plain.days);
    ck_assert_msg(fast.relative_first == plain.relative_first,
                  "%s \"%.*s\": first word %d, searched %d", l, (int)len, word, fast.relative_first,
                  plain.relative_first);
}

/* Each form of a table word a tokeniser may ask about: the word, with a
 * ".", without its last byte, with a letter more, each part before a space,
 * each prefix. */
static void check_forms_against_search(const char *lang, const char *word, size_t len)
{
    char buf[128];

    if (len + 2 > sizeof buf)
        return;
    memcpy(buf, word, len);
    check_word_against_search(lang, buf, len);
    for (size_t p = 1; p < len; p++)
        check_word_against_search(lang, buf, p);
    buf[len] = '.';
    check_word_against_search(lang, buf, len + 1);
    buf[len] = 's';
    check_word_against_search(lang, buf, len + 1);
}

/* The hash table of every locale's words answers as the per-locale
 * searches do, for every word of the generated tables (read from
 * date_names.inc: each entry's first string) and its near forms, in every
 * language the tables have and some they do not. */
START_TEST(test_table_matches_search)
{
    static const char *const langs[] = {NULL,  "en", "en-GB", "en-US", "id", "in",        "ms",
                                        "fil", "tl", "es",    "fr",    "de", "pt",        "pt-PT",
                                        "nl",  "it", "und",   "",      "xx", "zh-Hant-TW"};
    static const char *const others[] = {"the",  "hari", "ini",  "hari ini",  "may.",
                                         ".",    "..",   "mei",  "minggu",    "a",
                                         "dec.", "Dec",  "mars", "maanantai", "ma"};
    char root[4096], inc[4200];
    size_t n = 0, words = 0;

    source_dir(root, sizeof root);
    snprintf(inc, sizeof inc, "%s/src/lang/date_names.inc", root);
    char *text = sc_test_read_file(inc, &n);
    ck_assert_msg(text != NULL, "cannot read %s", inc);
    for (const char *line = text; line != NULL && *line != '\0';) {
        const char *eol = strchr(line, '\n');
        size_t line_len = eol != NULL ? (size_t)(eol - line) : strlen(line);
        if (line_len > 6 && strncmp(line, "    {\"", 6) == 0) {
            const char *word = line + 6;
            const char *close = memchr(word, '"', line_len - 6);
            ck_assert_ptr_nonnull(close);
            for (size_t l = 0; l < N(langs); l++)
                check_forms_against_search(langs[l], word, (size_t)(close - word));
            words++;
        }
        line = eol != NULL ? eol + 1 : NULL;
    }
    free(text);
    ck_assert_uint_gt(words, 400); /* every locale's names and relative days */
    for (size_t w = 0; w < N(others); w++)
        for (size_t l = 0; l < N(langs); l++)
            check_forms_against_search(langs[l], others[w], strlen(others[w]));
}
END_TEST

static Suite *date_names_suite(void)
{
    Suite *s = suite_create("date_names");
    TCase *tc = tcase_create("lookup");

    tcase_add_loop_test(tc, test_lookup, 0, N(lookup_cases));
    tcase_add_test(tc, test_lookup_length);
    tcase_add_loop_test(tc, test_day_first, 0, N(day_first_cases));
    tcase_add_loop_test(tc, test_relative_day, 0, N(relative_cases));
    tcase_add_test(tc, test_relative_day_length);
    tcase_add_test(tc, test_table_matches_search);
    tcase_add_test(tc, test_tag_memo);
    suite_add_tcase(s, tc);

    if (sc_test_shared_path("bench/cldr/cldr_dates_subset.json") != NULL) {
        TCase *gen = tcase_create("generator");
        tcase_add_test(gen, test_generated_table_is_current);
        suite_add_tcase(s, gen);
    } else {
        sc_test_skip("date_names generator", "../shared/bench/cldr not present");
    }
    return s;
}

SC_TEST_MAIN(date_names_suite)
