/* JUnit XML, as common CI test reporters read it: one testsuite, one
 * testcase per document.  A document fails when it has a finding at or
 * above the gate (options->fail_on; 0 never fails); an unreadable input is
 * a testcase in error.  Built as a libxml2 tree, so every text and
 * attribute is escaped; the totals sit on the root, so the tree is kept
 * until the run ends and written then. */
#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "core/xml_quiet.h"

typedef struct junit_state {
    xmlDocPtr doc;
    xmlNodePtr suites;
    xmlNodePtr suite;
    size_t tests, failures, errors;
    sc_buf clean; /* scratch for texts made safe for XML */
} junit_state;

/* s as a NUL-terminated UTF-8 string XML 1.0 can hold, in s->clean (valid
 * until the next call); NULL when out of memory. */
static const xmlChar *xml_text(junit_state *s, const char *text, size_t len)
{
    sc_buf_clear(&s->clean);
    s->clean.failed = false;
    sc_report_clean(text, len, true, &s->clean);
    sc_buf_putc(&s->clean, '\0');
    return s->clean.failed ? NULL : (const xmlChar *)s->clean.data;
}

/* Adds attribute name = value (escaped on output); false when out of
 * memory. */
static bool attr(junit_state *s, xmlNodePtr node, const char *name, const char *value)
{
    const xmlChar *v = xml_text(s, value, strlen(value));
    return v != NULL && xmlNewProp(node, (const xmlChar *)name, v) != NULL;
}

static bool attr_count(xmlNodePtr node, const char *name, size_t n)
{
    char num[24];
    snprintf(num, sizeof num, "%zu", n);
    return xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)num) != NULL;
}

/* A child element holding text (raw: libxml2 escapes it on output). */
static bool text_child(junit_state *s, xmlNodePtr parent, const char *name, const sc_buf *text,
                       xmlNodePtr *child)
{
    xmlNodePtr node = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
    if (node == NULL)
        return false;
    if (child != NULL)
        *child = node;
    if (text->len == 0)
        return true;
    const xmlChar *t = xml_text(s, text->data, text->len);
    if (t == NULL)
        return false;
    xmlNodePtr content = xmlNewText(t);
    return content != NULL && xmlAddChild(node, content) != NULL;
}

static xmlNodePtr testcase(junit_state *s, const char *id)
{
    xmlNodePtr tc = xmlNewChild(s->suite, NULL, (const xmlChar *)"testcase", NULL);
    if (tc == NULL || !attr(s, tc, "classname", "sumcheck") || !attr(s, tc, "name", id))
        return NULL;
    return tc;
}

/* One finding on one line: severity, rule, where, message. */
static void put_finding(sc_buf *out, const sc_result *r, const sc_finding *f,
                        sc_position_cache *positions)
{
    sc_buf_printf(out, "%s %s", sc_severity_name(f->severity), f->rule);
    sc_span where = f->summary_span.present ? f->summary_span : f->source_span;
    if (where.present) {
        size_t line, column;
        sc_page_line_column_cached(&r->page, positions, where.field, where.start, &line, &column);
        sc_buf_printf(out, " at %s %zu:%zu", sc_field_name(where.field), line, column);
    }
    sc_buf_printf(out, ": %s", f->message);
    if (f->suppressed != NULL)
        sc_buf_printf(out, " [suppressed: %s]", f->suppressed);
    else if (f->in_baseline)
        sc_buf_puts(out, " [in the baseline]");
    sc_buf_putc(out, '\n');
}

static sc_status junit_begin(void *state, const sc_render_options *o, sc_buf *out)
{
    junit_state *s = state;
    (void)o;
    (void)out;
    sc_buf_init(&s->clean);
    sc_xml_quiet();
    s->doc = xmlNewDoc((const xmlChar *)"1.0");
    if (s->doc == NULL)
        return SC_ERR_NOMEM;
    s->suites = xmlNewDocNode(s->doc, NULL, (const xmlChar *)"testsuites", NULL);
    if (s->suites == NULL)
        return SC_ERR_NOMEM;
    xmlDocSetRootElement(s->doc, s->suites);
    s->suite = xmlNewChild(s->suites, NULL, (const xmlChar *)"testsuite", NULL);
    return s->suite != NULL ? SC_OK : SC_ERR_NOMEM;
}

static sc_status junit_document(void *state, const sc_render_options *o, const sc_result *r,
                                sc_buf *out)
{
    junit_state *s = state;
    (void)out;
    if (s->suite == NULL)
        return SC_ERR_NOMEM;
    xmlNodePtr tc = testcase(s, r->id);
    if (tc == NULL)
        return SC_ERR_NOMEM;
    s->tests++;
    sc_buf gated, below;
    sc_buf_init(&gated);
    sc_buf_init(&below);
    sc_position_cache positions;
    sc_position_cache_init(&positions);
    size_t n_gated = 0;
    const char *first_rule = NULL;
    for (size_t i = 0; i < r->n_findings; i++) {
        const sc_finding *f = &r->findings[i];
        /* The failure lists what fails the gate, even below
         * --min-severity: a failed testcase must say why. */
        bool gate = sc_report_gates(o, f);
        if (!gate && !sc_report_lists(o, f))
            continue;
        if (gate && n_gated++ == 0)
            first_rule = f->rule;
        put_finding(gate ? &gated : &below, r, f, &positions);
    }
    bool ok = !gated.failed && !below.failed;
    if (ok && n_gated > 0) {
        s->failures++;
        char msg[96];
        snprintf(msg, sizeof msg, "%zu finding%s at or above %s", n_gated, n_gated == 1 ? "" : "s",
                 sc_severity_name(o->fail_on));
        xmlNodePtr failure = NULL;
        ok = text_child(s, tc, "failure", &gated, &failure) && attr(s, failure, "message", msg) &&
             attr(s, failure, "type", first_rule);
    }
    if (ok && below.len > 0)
        ok = text_child(s, tc, "system-out", &below, NULL);
    sc_buf_release(&gated);
    sc_buf_release(&below);
    return ok ? SC_OK : SC_ERR_NOMEM;
}

static sc_status junit_error(void *state, const sc_render_options *o, const char *id,
                             const sc_error *error, sc_buf *out)
{
    junit_state *s = state;
    (void)o;
    (void)out;
    if (s->suite == NULL)
        return SC_ERR_NOMEM;
    id = id != NULL ? id : "-";
    xmlNodePtr tc = testcase(s, id);
    if (tc == NULL)
        return SC_ERR_NOMEM;
    s->tests++;
    s->errors++;
    const char *message = error->message != NULL ? error->message : "error";
    sc_buf detail;
    sc_buf_init(&detail);
    sc_buf_printf(&detail, "%s could not be read: %s", id, message);
    if (error->path[0] != '\0')
        sc_buf_printf(&detail, " at %s", error->path);
    if (error->line > 0)
        sc_buf_printf(&detail, " (line %zu, column %zu)", error->line, error->column);
    else if (error->byte != SC_NO_POS)
        sc_buf_printf(&detail, " (byte %zu)", error->byte);
    if (error->detail[0] != '\0')
        sc_buf_printf(&detail, ": %s", error->detail);
    sc_buf_putc(&detail, '\n');
    xmlNodePtr node = NULL;
    bool ok = !detail.failed && text_child(s, tc, "error", &detail, &node) &&
              attr(s, node, "message", message) && attr(s, node, "type", "unreadable-input");
    sc_buf_release(&detail);
    return ok ? SC_OK : SC_ERR_NOMEM;
}

static bool totals(junit_state *s, xmlNodePtr node)
{
    return attr(s, node, "name", "sumcheck") && attr_count(node, "tests", s->tests) &&
           attr_count(node, "failures", s->failures) && attr_count(node, "errors", s->errors);
}

static sc_status junit_finish(void *state, const sc_render_options *o, sc_buf *out)
{
    junit_state *s = state;
    (void)o;
    if (s->suite == NULL || !totals(s, s->suites) || !totals(s, s->suite) ||
        !attr_count(s->suite, "skipped", 0))
        return SC_ERR_NOMEM;
    xmlChar *mem = NULL;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(s->doc, &mem, &size, "UTF-8", 1);
    if (mem == NULL || size < 0) {
        xmlFree(mem);
        return SC_ERR_NOMEM;
    }
    sc_buf_append(out, (const char *)mem, (size_t)size);
    xmlFree(mem);
    return out->failed ? SC_ERR_NOMEM : SC_OK;
}

static void junit_release(void *state)
{
    junit_state *s = state;
    if (s->doc != NULL)
        xmlFreeDoc(s->doc); /* the root and every testcase with it */
    sc_buf_release(&s->clean);
    /* libxml2 keeps a copy of its last error (out of memory, say) until the
     * next one: drop it, so a failed report leaves nothing allocated. */
    xmlResetLastError();
}

const sc_writer sc_writer_junit = {
    .format = SC_REPORT_JUNIT,
    .state_size = sizeof(junit_state),
    .begin = junit_begin,
    .document = junit_document,
    .error = junit_error,
    .finish = junit_finish,
    .release = junit_release,
};
