/* The public API as a library user sees it: only sumcheck.h.  Compiled as
 * C99 with -pedantic too (tests/meson.build), so the header stays portable. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "sumcheck.h"

typedef struct sink {
    char *data;
    size_t len;
    int fail_after; /* calls before the sink fails; < 0 never */
} sink;

static int sink_write(void *context, const char *data, size_t len)
{
    sink *s = context;
    if (s->fail_after == 0)
        return -1;
    if (s->fail_after > 0)
        s->fail_after--;
    char *grown = realloc(s->data, s->len + len + 1);
    if (grown == NULL)
        return -1;
    memcpy(grown + s->len, data, len);
    s->len += len;
    grown[s->len] = '\0';
    s->data = grown;
    return 0;
}

static const char pair[] =
    "{\"id\": \"p1\", \"source\": \"The city council approved a new park on Monday. "
    "The park will cost 2 million dollars.\", \"summary\": \"The council approved a park.\"}";

static const char invented[] =
    "{\"id\": \"p2\", \"source\": \"The city council approved a new park on Monday.\", "
    "\"summary\": \"Mayor Joe Biden opened a stadium for 90 million dollars.\"}";

START_TEST(test_options_defaults)
{
    sc_options o;
    memset(&o, 0xAB, sizeof o);
    sc_options_init(&o);
    ck_assert_int_eq(o.input_format, SC_INPUT_AUTO);
    ck_assert_ptr_null(o.language);
    ck_assert_ptr_null(o.page_date);
    ck_assert_int_eq(sc_options_validate(&o, NULL), SC_OK);
}
END_TEST

START_TEST(test_options_invalid)
{
    sc_options o;
    sc_error e;
    sc_options_init(&o);
    o.page_date = "2024-02-30";
    ck_assert_int_eq(sc_options_validate(&o, &e), SC_ERR_OPTION);
    ck_assert_ptr_nonnull(e.message);
    sc_options_init(&o);
    o.language = "xx";
    ck_assert_int_eq(sc_options_validate(&o, &e), SC_ERR_OPTION);
    ck_assert_ptr_null(sc_check(pair, strlen(pair), "x", &o, &e));
    ck_assert_int_eq(e.code, SC_ERR_OPTION);
}
END_TEST

START_TEST(test_check_supported_pair)
{
    sc_error e;
    sc_result *r = sc_check(pair, strlen(pair), "ignored", NULL, &e);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(sc_result_id(r), "p1");
    ck_assert_uint_eq(sc_result_count_at_least(r, SC_SEVERITY_ERROR), 0);
    /* consistency ranks documents: this one above the invented pair. */
    sc_result *other = sc_check(invented, strlen(invented), NULL, NULL, NULL);
    ck_assert_ptr_nonnull(other);
    ck_assert(sc_result_consistency(r) > sc_result_consistency(other));
    ck_assert(sc_result_consistency(r) <= 1.0);
    sc_result_free(other);
    sc_result_free(r);
}
END_TEST

START_TEST(test_check_invented_pair)
{
    sc_result *r = sc_check(invented, strlen(invented), NULL, NULL, NULL);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_ge(sc_result_count_at_least(r, SC_SEVERITY_ERROR), 2);
    ck_assert_uint_ge(sc_result_finding_count(r), sc_result_count_at_least(r, SC_SEVERITY_ERROR));
    ck_assert(sc_result_consistency(r) < 0.5);
    sc_result_free(r);
}
END_TEST

START_TEST(test_check_errors)
{
    sc_error e;
    sc_options o;
    sc_options_init(&o);
    o.input_format = SC_INPUT_JSON;
    ck_assert_ptr_null(sc_check("{\"source\": \"x\"}", 15, "a", &o, &e));
    ck_assert_int_eq(e.code, SC_ERR_INPUT);
    ck_assert_str_eq(e.path, "$.summary");
    ck_assert_ptr_null(sc_check("", 0, "a", NULL, &e));
    ck_assert_int_eq(e.code, SC_ERR_INPUT);
    ck_assert_ptr_null(sc_check("{\"source\": ", 11, "a", &o, &e));
    ck_assert_int_eq(e.code, SC_ERR_INPUT);
    ck_assert_uint_eq(e.line, 1);
    /* A NULL error record is allowed. */
    ck_assert_ptr_null(sc_check("", 0, "a", NULL, NULL));
}
END_TEST

START_TEST(test_detect_format)
{
    ck_assert_int_eq(sc_detect_input_format("x", 1, "a.json"), SC_INPUT_JSON);
    ck_assert_int_eq(sc_detect_input_format("x", 1, "dir.v2/a.jsonl"), SC_INPUT_JSONL);
    ck_assert_int_eq(sc_detect_input_format("x", 1, "a.ndjson"), SC_INPUT_JSONL);
    ck_assert_int_eq(sc_detect_input_format("{", 1, "a.txt"), SC_INPUT_TEXT);
    ck_assert_int_eq(sc_detect_input_format("\xEF\xBB\xBF  <html>", 11, NULL), SC_INPUT_HTML);
    ck_assert_int_eq(sc_detect_input_format(" {\"a\": 1}\n", 10, NULL), SC_INPUT_JSON);
    ck_assert_int_eq(sc_detect_input_format("{\"a\": 1}\n{\"a\": 2}\n", 18, NULL), SC_INPUT_JSONL);
    ck_assert_int_eq(sc_detect_input_format("Hello", 5, "dir.d/page"), SC_INPUT_TEXT);
}
END_TEST

START_TEST(test_report_json)
{
    sink s = {NULL, 0, -1};
    sc_report *rep = sc_report_new(SC_REPORT_JSON, NULL, sink_write, &s);
    ck_assert_ptr_nonnull(rep);
    sc_result *r = sc_check(pair, strlen(pair), NULL, NULL, NULL);
    ck_assert_int_eq(sc_report_add(rep, r), SC_OK);
    sc_error e;
    memset(&e, 0, sizeof e);
    e.message = "invalid JSON";
    e.byte = 3;
    ck_assert_int_eq(sc_report_add_error(rep, "bad", &e), SC_OK);
    ck_assert_int_eq(sc_report_finish(rep), SC_OK);
    sc_report_free(rep);
    sc_result_free(r);
    ck_assert_ptr_nonnull(strstr(s.data, "\"schema_version\": 1"));
    ck_assert_ptr_nonnull(strstr(s.data, "\"id\": \"p1\""));
    ck_assert_ptr_nonnull(strstr(s.data, "\"id\": \"bad\""));
    ck_assert_ptr_nonnull(strstr(s.data, "\"consistency\":"));
    free(s.data);
}
END_TEST

START_TEST(test_report_sink_failure)
{
    sink s = {NULL, 0, 0};
    sc_report *rep = sc_report_new(SC_REPORT_JSONL, NULL, sink_write, &s);
    sc_result *r = sc_check(pair, strlen(pair), NULL, NULL, NULL);
    ck_assert_int_eq(sc_report_add(rep, r), SC_ERR_IO);
    sc_report_free(rep);
    sc_result_free(r);
    free(s.data);
}
END_TEST

START_TEST(test_report_bad_arguments)
{
    ck_assert_ptr_null(sc_report_new(SC_REPORT_JSON, NULL, NULL, NULL));
    ck_assert_ptr_null(sc_report_new((sc_report_format)99, NULL, sink_write, NULL));
    sc_report_free(NULL);
    sc_result_free(NULL);
}
END_TEST

START_TEST(test_severity_names)
{
    sc_severity s;
    ck_assert(sc_severity_parse("warning", &s));
    ck_assert_int_eq(s, SC_SEVERITY_WARNING);
    ck_assert(!sc_severity_parse("fatal", &s));
    ck_assert_str_eq(sc_severity_name(SC_SEVERITY_ERROR), "error");
    ck_assert_str_eq(sc_severity_name(SC_SEVERITY_NOTE), "note");
}
END_TEST

START_TEST(test_result_outlives_input)
{
    const char page[] =
        "• November 24, 2024\nA title\n\nThe council met on Monday in the city hall "
        "and approved the budget.\n";
    char *copy = malloc(sizeof page);
    memcpy(copy, page, sizeof page);
    sc_result *r = sc_check(copy, sizeof page - 1, "page", NULL, NULL);
    memset(copy, 'x', sizeof page - 1);
    free(copy);
    ck_assert_ptr_nonnull(r);
    sink s = {NULL, 0, -1};
    sc_report *rep = sc_report_new(SC_REPORT_JSONL, NULL, sink_write, &s);
    ck_assert_int_eq(sc_report_add(rep, r), SC_OK);
    ck_assert_ptr_nonnull(strstr(s.data, "\"title\":\"A title\""));
    sc_report_free(rep);
    sc_result_free(r);
    free(s.data);
}
END_TEST

/* Found by fuzz_json: a huge number's evidence in the text report
 * converted an out-of-range double to an integer. */
START_TEST(test_text_report_huge_number)
{
    const char huge[] = "{\"source\": \"The council approved 3 parks.\", \"summary\": "
                        "\"The council approved 5555555555555555555555555555555555555555555555555"
                        "5 parks.\"}";
    sc_result *r = sc_check(huge, strlen(huge), NULL, NULL, NULL);
    ck_assert_ptr_nonnull(r);
    sink s = {NULL, 0, -1};
    sc_report *rep = sc_report_new(SC_REPORT_TEXT, NULL, sink_write, &s);
    ck_assert_int_eq(sc_report_add(rep, r), SC_OK);
    ck_assert_ptr_nonnull(strstr(s.data, "number-mismatch"));
    sc_report_free(rep);
    sc_result_free(r);
    free(s.data);
}
END_TEST

START_TEST(test_rule_registry)
{
    sc_rule_info info;
    ck_assert_uint_ge(sc_rule_total(), 10);
    for (size_t i = 0; i < sc_rule_total(); i++) {
        ck_assert(sc_rule_describe(i, &info));
        ck_assert_ptr_nonnull(info.id);
        ck_assert_ptr_nonnull(info.summary);
        ck_assert_ptr_nonnull(strstr(info.doc, "How to fix"));
        ck_assert(info.severity >= SC_SEVERITY_NOTE && info.severity <= SC_SEVERITY_ERROR);
    }
    ck_assert(!sc_rule_describe(sc_rule_total(), &info));
    ck_assert(sc_rule_find("unsupported-entity", &info));
    ck_assert_int_eq(info.severity, SC_SEVERITY_ERROR);
    ck_assert(!sc_rule_find("no-such-rule", &info));
    ck_assert(!sc_rule_find(NULL, &info));
}
END_TEST

START_TEST(test_rule_settings)
{
    sc_options o;
    sc_error e;
    sc_rule_setting bad = {"no-such-rule", true, 0};
    sc_options_init(&o);
    o.rules = &bad;
    o.n_rules = 1;
    ck_assert_int_eq(sc_options_validate(&o, &e), SC_ERR_OPTION);
    ck_assert_ptr_nonnull(strstr(e.detail, "no-such-rule"));
    ck_assert_ptr_null(sc_check(invented, strlen(invented), NULL, &o, &e));

    sc_options_init(&o);
    sc_result *r = sc_check(invented, strlen(invented), NULL, &o, NULL);
    ck_assert_ptr_nonnull(r);
    size_t all = sc_result_finding_count(r);
    sc_result_free(r);

    sc_rule_setting settings[2] = {{"unsupported-entity", true, 0},
                                   {"number-mismatch", false, SC_SEVERITY_NOTE}};
    o.rules = settings;
    o.n_rules = 2;
    r = sc_check(invented, strlen(invented), NULL, &o, NULL);
    ck_assert_ptr_nonnull(r);
    sc_finding_info info;
    size_t notes = 0;
    for (size_t i = 0; sc_result_finding(r, i, &info); i++) {
        ck_assert_str_ne(info.rule, "unsupported-entity");
        if (strcmp(info.rule, "number-mismatch") == 0) {
            ck_assert_int_eq(info.severity, SC_SEVERITY_NOTE);
            notes++;
        }
    }
    ck_assert_uint_gt(notes, 0);
    ck_assert_uint_lt(sc_result_finding_count(r), all);
    sc_result_free(r);

    sc_options_init(&o);
    o.min_support = 1.5;
    ck_assert_int_eq(sc_options_validate(&o, NULL), SC_ERR_OPTION);
}
END_TEST

START_TEST(test_suppression_and_baseline)
{
    sc_options o;
    sc_options_init(&o);
    sc_result *r = sc_check(invented, strlen(invented), NULL, &o, NULL);
    ck_assert_ptr_nonnull(r);
    size_t errors = sc_result_gate_count(r, SC_SEVERITY_ERROR);
    ck_assert_uint_ge(errors, 1);
    ck_assert_uint_eq(sc_result_gate_count(r, 0), 0);
    sc_finding_info first;
    ck_assert(sc_result_finding(r, 0, &first));
    ck_assert_uint_eq(strlen(first.fingerprint), 16);
    char fingerprint[17];
    memcpy(fingerprint, first.fingerprint, sizeof fingerprint);
    char rule[64];
    snprintf(rule, sizeof rule, "%s", first.rule);
    sc_result_free(r);

    /* A suppression without a reason is refused; with one, the finding
     * stays, marked, and leaves the gate. */
    sc_suppression sup = {rule, "p2", NULL, ""};
    o.suppressions = &sup;
    o.n_suppressions = 1;
    ck_assert_int_eq(sc_options_validate(&o, NULL), SC_ERR_OPTION);
    sup.reason = "accepted";
    r = sc_check(invented, strlen(invented), NULL, &o, NULL);
    ck_assert_ptr_nonnull(r);
    sc_finding_info info;
    ck_assert(sc_result_finding(r, 0, &info));
    ck_assert_str_eq(info.suppressed, "accepted");
    ck_assert_str_eq(info.fingerprint, fingerprint);
    ck_assert_uint_lt(sc_result_gate_count(r, SC_SEVERITY_NOTE), sc_result_finding_count(r));
    sc_result_free(r);

    /* The same finding through a baseline. */
    const char *baseline[1] = {fingerprint};
    sc_options_init(&o);
    o.baseline = baseline;
    o.n_baseline = 1;
    r = sc_check(invented, strlen(invented), NULL, &o, NULL);
    ck_assert_ptr_nonnull(r);
    ck_assert(sc_result_finding(r, 0, &info));
    ck_assert(info.in_baseline);
    ck_assert_ptr_null(info.suppressed);
    ck_assert_uint_lt(sc_result_gate_count(r, SC_SEVERITY_NOTE), sc_result_finding_count(r));
    sc_result_free(r);
    const char *unsorted[2] = {"ffffffffffffffff", "0000000000000000"};
    o.baseline = unsorted;
    o.n_baseline = 2;
    ck_assert_int_eq(sc_options_validate(&o, NULL), SC_ERR_OPTION);
}
END_TEST

START_TEST(test_check_pair_texts)
{
    static const char summary[] = "Mayor Joe Biden opened a stadium.";
    static const char source[] = "The city council approved a new park on Monday.";
    sc_error e;
    sc_result *r =
        sc_check_pair(summary, strlen(summary), source, strlen(source), "s.txt", NULL, &e);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(sc_result_id(r), "s.txt");
    ck_assert_uint_ge(sc_result_gate_count(r, SC_SEVERITY_ERROR), 1);
    sc_result_free(r);
    ck_assert_ptr_null(sc_check_pair(summary, strlen(summary), "caf\xe9", 4, "s", NULL, &e));
    ck_assert_int_eq(e.code, SC_ERR_INPUT);
    ck_assert_str_eq(e.path, "source");
    ck_assert_uint_eq(e.byte, 3);
    ck_assert_ptr_null(sc_check_pair(summary, strlen(summary), " \n", 2, "s", NULL, &e));
    ck_assert_str_eq(e.path, "source");
}
END_TEST

static Suite *api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("api");
    tcase_add_test(tc, test_options_defaults);
    tcase_add_test(tc, test_options_invalid);
    tcase_add_test(tc, test_check_supported_pair);
    tcase_add_test(tc, test_check_invented_pair);
    tcase_add_test(tc, test_check_errors);
    tcase_add_test(tc, test_detect_format);
    tcase_add_test(tc, test_report_json);
    tcase_add_test(tc, test_report_sink_failure);
    tcase_add_test(tc, test_report_bad_arguments);
    tcase_add_test(tc, test_severity_names);
    tcase_add_test(tc, test_result_outlives_input);
    tcase_add_test(tc, test_text_report_huge_number);
    tcase_add_test(tc, test_rule_registry);
    tcase_add_test(tc, test_rule_settings);
    tcase_add_test(tc, test_suppression_and_baseline);
    tcase_add_test(tc, test_check_pair_texts);
    suite_add_tcase(s, tc);
    return s;
}

SC_TEST_MAIN(api_suite)
