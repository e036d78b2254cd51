/* SARIF 2.1.0 (OASIS, errata 01): one run whose tool.driver lists every
 * rule, one result per finding, unreadable inputs as tool execution
 * notifications.  SARIF is one JSON document, so results gather in the
 * writer's state and the whole log is written at the end, in a fixed key
 * order with no timestamps: two runs give the same bytes. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "jbuild.h"
#include "report.h"
#include "text/text.h"

#define SARIF_SCHEMA                                                                               \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define FINGERPRINT_KEY "sumcheck/v1"

/* SARIF wants helpUri and informationUri absolute (RFC 3986 "uri", not
 * "uri-reference"), and sumcheck has no published home yet: they are
 * written only when the build names one, e.g.
 * meson setup build -Dc_args='-DSC_DOCS_URL=\"https://example.org/README.md\"'.  Each
 * rule's doc travels in its help text either way. */
#ifdef SC_DOCS_URL
#define RULES_HELP_URL SC_DOCS_URL "#rules"
#endif

typedef struct sarif_state {
    json_t *results;       /* one per finding, in input order */
    json_t *notifications; /* one per unreadable input */
    json_t *absent;        /* one per stale baseline entry (sc_report_baseline), or NULL */
} sarif_state;

typedef sc_jb builder;

static json_t *integer(builder *b, size_t n)
{
    return sc_jb_check(b, json_integer((json_int_t)n));
}

static json_t *message(builder *b, const char *s)
{
    json_t *o = sc_jb_check(b, json_object());
    sc_jb_set(b, o, "text", sc_jb_text(b, s));
    return o;
}

static const char *level(sc_severity s)
{
    return s == SC_SEVERITY_ERROR ? "error" : s == SC_SEVERITY_WARNING ? "warning" : "note";
}

/* A document id as a URI reference: RFC 3986 unreserved characters and
 * "/" as they are, every other byte percent-encoded (so "line:3" is not
 * read as a scheme, and spaces and non-ASCII names stay valid); an
 * absolute path becomes a file URI. */
static json_t *artifact_uri(builder *b, const char *id)
{
    static const char hex[] = "0123456789ABCDEF";
    sc_buf u;
    sc_buf_init(&u);
    if (id[0] == '/')
        sc_buf_puts(&u, "file://");
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            sc_buf_putc(&u, (char)c);
        } else {
            sc_buf_putc(&u, '%');
            sc_buf_putc(&u, hex[c >> 4]);
            sc_buf_putc(&u, hex[c & 15]);
        }
    }
    json_t *v = u.failed ? NULL : json_stringn(u.data != NULL ? u.data : "", u.len);
    sc_buf_release(&u);
    return sc_jb_check(b, v);
}

static json_t *artifact(builder *b, const char *id)
{
    json_t *o = sc_jb_check(b, json_object());
    sc_jb_set(b, o, "uri", artifact_uri(b, id));
    return o;
}

/* Lines and columns (code points, run.columnKind) of both ends; the end
 * column is the one after the last character, as SARIF counts.  The bytes
 * and positions count in the span's field: the input file for a page, the
 * decoded summary or source string for a pair, which properties.field
 * names. */
static json_t *region(builder *b, const sc_result *r, sc_span sp)
{
    size_t line, column, end_line, end_column;
    sc_page_line_column_cached(&r->page, &b->positions, sp.field, sp.start, &line, &column);
    sc_page_line_column_cached(&r->page, &b->positions, sp.field, sp.end, &end_line, &end_column);
    json_t *o = sc_jb_check(b, json_object());
    sc_jb_set(b, o, "startLine", integer(b, line));
    sc_jb_set(b, o, "startColumn", integer(b, column));
    sc_jb_set(b, o, "endLine", integer(b, end_line));
    sc_jb_set(b, o, "endColumn", integer(b, end_column));
    sc_jb_set(b, o, "byteOffset", integer(b, sp.start));
    sc_jb_set(b, o, "byteLength", integer(b, sp.end >= sp.start ? sp.end - sp.start : 0));
    json_t *props = sc_jb_check(b, json_object());
    sc_jb_set(b, props, "field", sc_jb_text(b, sc_field_name(sp.field)));
    sc_jb_set(b, o, "properties", props);
    return o;
}

static json_t *location(builder *b, const sc_result *r, const sc_span *sp)
{
    json_t *physical = sc_jb_check(b, json_object());
    sc_jb_set(b, physical, "artifactLocation", artifact(b, r->id));
    if (sp != NULL && sp->present)
        sc_jb_set(b, physical, "region", region(b, r, *sp));
    json_t *o = sc_jb_check(b, json_object());
    sc_jb_set(b, o, "physicalLocation", physical);
    return o;
}

static json_t *result(builder *b, const sc_result *r, const sc_finding *f, const sc_fingerprint *fp)
{
    json_t *o = sc_jb_check(b, json_object());
    sc_jb_set(b, o, "ruleId", sc_jb_text(b, f->rule));
    size_t index = sc_report_rule_index(f->rule);
    if (index < sc_rule_count)
        sc_jb_set(b, o, "ruleIndex", integer(b, index));
    sc_jb_set(b, o, "level", sc_jb_text(b, level(f->severity)));
    sc_jb_set(b, o, "message", message(b, f->message));
    /* Where the finding is: the summary words at fault, else the source
     * text (a page date, a spam line); a finding with neither still names
     * its document. */
    const sc_span *where = f->summary_span.present ? &f->summary_span : &f->source_span;
    json_t *locations = sc_jb_check(b, json_array());
    sc_jb_append(b, locations, location(b, r, where));
    sc_jb_set(b, o, "locations", locations);
    if (f->summary_span.present && f->source_span.present) {
        json_t *related = location(b, r, &f->source_span);
        sc_jb_set(b, related, "id", integer(b, 1));
        sc_jb_set(b, related, "message", message(b, "the source text it was compared with"));
        json_t *list = sc_jb_check(b, json_array());
        sc_jb_append(b, list, related);
        sc_jb_set(b, o, "relatedLocations", list);
    }
    json_t *fingerprints = sc_jb_check(b, json_object());
    sc_jb_set(b, fingerprints, FINGERPRINT_KEY, sc_jb_text(b, fp->hex));
    sc_jb_set(b, o, "partialFingerprints", fingerprints);
    /* A suppressed finding stays in the log, as SARIF means suppressions
     * to work (2.1.0 section 3.27.23): "external" because the reason sits
     * in sumcheck's configuration, not in the page (a page has no way to
     * suppress in source, so "inSource" never occurs); "accepted" because
     * a suppression takes effect as soon as it is configured. */
    if (f->suppressed != NULL) {
        json_t *sup = sc_jb_check(b, json_object());
        sc_jb_set(b, sup, "kind", sc_jb_text(b, "external"));
        sc_jb_set(b, sup, "status", sc_jb_text(b, "accepted"));
        sc_jb_set(b, sup, "justification", sc_jb_text(b, f->suppressed));
        json_t *list = sc_jb_check(b, json_array());
        sc_jb_append(b, list, sup);
        sc_jb_set(b, o, "suppressions", list);
    }
    if (r->baseline_checked)
        sc_jb_set(b, o, "baselineState", sc_jb_text(b, f->in_baseline ? "unchanged" : "new"));
    json_t *props = sc_jb_check(b, json_object());
    sc_jb_set(b, props, "evidence", sc_jb_evidence(b, f->evidence));
    sc_jb_set(b, o, "properties", props);
    return o;
}

static sc_status sarif_begin(void *state, const sc_render_options *o, sc_buf *out)
{
    sarif_state *s = state;
    (void)o;
    (void)out;
    s->results = json_array();
    s->notifications = json_array();
    return s->results != NULL && s->notifications != NULL ? SC_OK : SC_ERR_NOMEM;
}

static sc_status sarif_document(void *state, const sc_render_options *o, const sc_result *r,
                                sc_buf *out)
{
    sarif_state *s = state;
    (void)out;
    if (s->results == NULL)
        return SC_ERR_NOMEM;
    if (r->n_findings == 0)
        return SC_OK;
    sc_fingerprint *fps = calloc(r->n_findings, sizeof *fps);
    if (fps == NULL)
        return SC_ERR_NOMEM;
    sc_status st = sc_report_fingerprints(r, fps);
    builder b;
    sc_jb_init(&b);
    /* Built aside and added whole, so a failure leaves no half document. */
    json_t *list = sc_jb_check(&b, json_array());
    for (size_t i = 0; st == SC_OK && list != NULL && i < r->n_findings; i++)
        if (sc_report_lists(o, &r->findings[i]))
            sc_jb_append(&b, list, result(&b, r, &r->findings[i], &fps[i]));
    free(fps);
    if (st == SC_OK && (b.failed || json_array_extend(s->results, list) != 0))
        st = SC_ERR_NOMEM;
    json_decref(list);
    return st;
}

static sc_status sarif_error(void *state, const sc_render_options *o, const char *id,
                             const sc_error *error, sc_buf *out)
{
    sarif_state *s = state;
    (void)o;
    (void)out;
    if (s->notifications == NULL)
        return SC_ERR_NOMEM;
    builder b;
    sc_jb_init(&b);
    id = id != NULL ? id : "-";
    sc_buf m;
    sc_buf_init(&m);
    sc_buf_printf(&m, "%s: %s", id, error->message != NULL ? error->message : "error");
    if (error->path[0] != '\0')
        sc_buf_printf(&m, " at %s", error->path);
    if (error->detail[0] != '\0')
        sc_buf_printf(&m, ": %s", error->detail);
    json_t *n = sc_jb_check(&b, json_object());
    sc_jb_set(&b, n, "level", sc_jb_text(&b, "error"));
    sc_jb_set(&b, n, "message", m.failed ? NULL : message(&b, m.data));
    sc_buf_release(&m);
    json_t *physical = sc_jb_check(&b, json_object());
    sc_jb_set(&b, physical, "artifactLocation", artifact(&b, id));
    /* A JSON Lines error's line counts in the file, its byte in the line:
     * the byte goes only where no line does. */
    if (error->line > 0 || error->byte != SC_NO_POS) {
        json_t *reg = sc_jb_check(&b, json_object());
        if (error->line > 0) {
            sc_jb_set(&b, reg, "startLine", integer(&b, error->line));
            if (error->column > 0)
                sc_jb_set(&b, reg, "startColumn", integer(&b, error->column));
        } else {
            sc_jb_set(&b, reg, "byteOffset", integer(&b, error->byte));
        }
        sc_jb_set(&b, physical, "region", reg);
    }
    json_t *loc = sc_jb_check(&b, json_object());
    sc_jb_set(&b, loc, "physicalLocation", physical);
    json_t *locations = sc_jb_check(&b, json_array());
    sc_jb_append(&b, locations, loc);
    sc_jb_set(&b, n, "locations", locations);
    if (b.failed) {
        json_decref(n);
        return SC_ERR_NOMEM;
    }
    return json_array_append_new(s->notifications, n) == 0 ? SC_OK : SC_ERR_NOMEM;
}

/* A stale baseline entry as a result whose baselineState is "absent"
 * (2.1.0 section 3.27.24): found in the baseline, not in this run.  kind
 * "pass", so level "none" (3.27.9, 3.27.10): nothing is wrong any more. */
static json_t *absent_result(builder *b, const sc_baseline_entry *e)
{
    json_t *o = sc_jb_check(b, json_object());
    const char *rule = e->rule != NULL ? e->rule : "";
    sc_jb_set(b, o, "ruleId", sc_jb_text(b, rule));
    size_t index = sc_report_rule_index(rule);
    if (index < sc_rule_count)
        sc_jb_set(b, o, "ruleIndex", integer(b, index));
    sc_jb_set(b, o, "kind", sc_jb_text(b, "pass"));
    sc_jb_set(b, o, "level", sc_jb_text(b, "none"));
    sc_buf m;
    sc_buf_init(&m);
    sc_buf_printf(&m, "Baseline entry no longer found: %s", rule);
    if (e->text != NULL)
        sc_buf_printf(&m, " on \"%s\"", e->text);
    sc_jb_set(b, o, "message", m.failed ? NULL : message(b, m.data));
    sc_buf_release(&m);
    json_t *physical = sc_jb_check(b, json_object());
    sc_jb_set(b, physical, "artifactLocation", artifact(b, e->id != NULL ? e->id : "-"));
    json_t *loc = sc_jb_check(b, json_object());
    sc_jb_set(b, loc, "physicalLocation", physical);
    json_t *locations = sc_jb_check(b, json_array());
    sc_jb_append(b, locations, loc);
    sc_jb_set(b, o, "locations", locations);
    json_t *fingerprints = sc_jb_check(b, json_object());
    sc_jb_set(b, fingerprints, FINGERPRINT_KEY,
              sc_jb_text(b, e->fingerprint != NULL ? e->fingerprint : ""));
    sc_jb_set(b, o, "partialFingerprints", fingerprints);
    sc_jb_set(b, o, "baselineState", sc_jb_text(b, "absent"));
    return o;
}

static sc_status sarif_baseline(void *state, const sc_render_options *o,
                                const sc_baseline_entry *stale, size_t n_stale)
{
    sarif_state *s = state;
    (void)o;
    builder b;
    sc_jb_init(&b);
    json_t *list = sc_jb_check(&b, json_array());
    for (size_t i = 0; list != NULL && i < n_stale; i++)
        sc_jb_append(&b, list, absent_result(&b, &stale[i]));
    if (b.failed) {
        json_decref(list);
        return SC_ERR_NOMEM;
    }
    json_decref(s->absent);
    s->absent = list;
    return SC_OK;
}

static json_t *rules(builder *b)
{
    json_t *list = sc_jb_check(b, json_array());
    for (size_t i = 0; list != NULL && i < sc_rule_count; i++) {
        const sc_rule *rule = sc_rules[i];
        json_t *o = sc_jb_check(b, json_object());
        sc_jb_set(b, o, "id", sc_jb_text(b, rule->id));
        sc_jb_set(b, o, "shortDescription", message(b, rule->summary));
        sc_buf help;
        sc_buf_init(&help);
        sc_buf_printf(&help, "%s: %s. Default severity %s.\n\n%s", rule->id, rule->summary,
                      sc_severity_name(rule->severity),
                      rule->doc != NULL ? rule->doc : "See sumcheck --explain RULE.");
        sc_jb_set(b, o, "help", help.failed ? NULL : message(b, help.data));
        sc_buf_release(&help);
#ifdef RULES_HELP_URL
        sc_jb_set(b, o, "helpUri", sc_jb_text(b, RULES_HELP_URL));
#endif
        json_t *config = sc_jb_check(b, json_object());
        sc_jb_set(b, config, "level", sc_jb_text(b, level(rule->severity)));
        sc_jb_set(b, o, "defaultConfiguration", config);
        sc_jb_append(b, list, o);
    }
    return list;
}

static sc_status sarif_finish(void *state, const sc_render_options *o, sc_buf *out)
{
    sarif_state *s = state;
    (void)o;
    if (s->results == NULL || s->notifications == NULL)
        return SC_ERR_NOMEM;
    builder b;
    sc_jb_init(&b);
    json_t *driver = sc_jb_check(&b, json_object());
    sc_jb_set(&b, driver, "name", sc_jb_text(&b, "sumcheck"));
    sc_jb_set(&b, driver, "version", sc_jb_text(&b, SC_VERSION));
    sc_jb_set(&b, driver, "semanticVersion", sc_jb_text(&b, SC_VERSION));
#ifdef SC_DOCS_URL
    sc_jb_set(&b, driver, "informationUri", sc_jb_text(&b, SC_DOCS_URL));
#endif
    sc_jb_set(&b, driver, "rules", rules(&b));
    json_t *tool = sc_jb_check(&b, json_object());
    sc_jb_set(&b, tool, "driver", driver);

    json_t *invocation = sc_jb_check(&b, json_object());
    bool ok = json_array_size(s->notifications) == 0;
    sc_jb_set(&b, invocation, "executionSuccessful", sc_jb_check(&b, json_boolean(ok)));
    if (!ok)
        sc_jb_set(&b, invocation, "toolExecutionNotifications", json_incref(s->notifications));
    json_t *invocations = sc_jb_check(&b, json_array());
    sc_jb_append(&b, invocations, invocation);

    json_t *run = sc_jb_check(&b, json_object());
    sc_jb_set(&b, run, "tool", tool);
    sc_jb_set(&b, run, "invocations", invocations);
    sc_jb_set(&b, run, "columnKind", sc_jb_text(&b, "unicodeCodePoints"));
    /* Stale baseline entries follow this run's results. */
    if (s->absent != NULL && json_array_extend(s->results, s->absent) != 0)
        b.failed = true;
    json_decref(s->absent);
    s->absent = NULL;
    sc_jb_set(&b, run, "results", json_incref(s->results));
    json_t *runs = sc_jb_check(&b, json_array());
    sc_jb_append(&b, runs, run);

    json_t *log = sc_jb_check(&b, json_object());
    sc_jb_set(&b, log, "$schema", sc_jb_text(&b, SARIF_SCHEMA));
    sc_jb_set(&b, log, "version", sc_jb_text(&b, "2.1.0"));
    sc_jb_set(&b, log, "runs", runs);
    sc_status st = SC_ERR_NOMEM;
    if (!b.failed) {
        char *dump =
            json_dumps(log, JSON_PRESERVE_ORDER | JSON_INDENT(2) | JSON_REAL_PRECISION(10));
        if (dump != NULL) {
            sc_buf_puts(out, dump);
            sc_buf_putc(out, '\n');
            free(dump);
            st = out->failed ? SC_ERR_NOMEM : SC_OK;
        }
    }
    json_decref(log);
    return st;
}

static void sarif_release(void *state)
{
    sarif_state *s = state;
    json_decref(s->results);
    json_decref(s->notifications);
    json_decref(s->absent);
}

const sc_writer sc_writer_sarif = {
    .format = SC_REPORT_SARIF,
    .state_size = sizeof(sarif_state),
    .begin = sarif_begin,
    .document = sarif_document,
    .error = sarif_error,
    .finish = sarif_finish,
    .release = sarif_release,
    .baseline = sarif_baseline,
};
