/* GitHub Actions workflow commands: one annotation line per finding,
 *   ::error file=ID,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
 * (warning and notice for the other severities), streamed as documents
 * come.  Escaping follows the runner's own (actions/toolkit, command.ts):
 * in the message %, CR and LF become %25, %0D and %0A; in property values
 * ":" and "," also become %3A and %2C. */
#include <string.h>

#include "report.h"

static const char *command(sc_severity s)
{
    return s == SC_SEVERITY_ERROR ? "error" : s == SC_SEVERITY_WARNING ? "warning" : "notice";
}

static void escaped(sc_buf *out, const char *s, size_t len, bool property)
{
    sc_buf clean;
    sc_buf_init(&clean);
    sc_report_clean(s, len, false, &clean);
    if (clean.failed) {
        out->failed = true;
        sc_buf_release(&clean);
        return;
    }
    for (size_t i = 0; i < clean.len; i++) {
        char c = clean.data[i];
        if (c == '%')
            sc_buf_puts(out, "%25");
        else if (c == '\r')
            sc_buf_puts(out, "%0D");
        else if (c == '\n')
            sc_buf_puts(out, "%0A");
        else if (property && c == ':')
            sc_buf_puts(out, "%3A");
        else if (property && c == ',')
            sc_buf_puts(out, "%2C");
        else
            sc_buf_putc(out, c);
    }
    sc_buf_release(&clean);
}

static void property(sc_buf *out, const char *s)
{
    escaped(out, s, strlen(s), true);
}

static void data(sc_buf *out, const char *s)
{
    escaped(out, s, strlen(s), false);
}

/* Positions go on the annotation only for a page, whose field is the file
 * itself; a pair's summary and source counts inside a JSON string, so its
 * position goes in the message instead. */
static void finding(sc_buf *out, const sc_result *r, const sc_finding *f,
                    sc_position_cache *positions)
{
    sc_buf_printf(out, "::%s file=", command(f->severity));
    property(out, r->id);
    sc_span sp = f->summary_span.present ? f->summary_span : f->source_span;
    size_t line = 0, column = 0;
    if (sp.present)
        sc_page_line_column_cached(&r->page, positions, sp.field, sp.start, &line, &column);
    if (sp.present && sp.field == SC_FIELD_PAGE) {
        sc_buf_printf(out, ",line=%zu,col=%zu", line, column);
        /* GitHub's end column is the last character's own (inclusive). */
        const char *text = r->page.field_data[sp.field];
        if (text != NULL && sp.end > sp.start && sp.end <= r->page.field_len[sp.field]) {
            size_t last = sp.end - 1;
            while (last > sp.start && ((unsigned char)text[last] & 0xC0) == 0x80)
                last--;
            size_t end_line, end_column;
            sc_page_line_column_cached(&r->page, positions, sp.field, last, &end_line, &end_column);
            sc_buf_printf(out, ",endLine=%zu,endColumn=%zu", end_line, end_column);
        }
    }
    sc_buf_puts(out, ",title=");
    property(out, f->rule);
    sc_buf_puts(out, "::");
    if (sp.present && sp.field != SC_FIELD_PAGE)
        sc_buf_printf(out, "%s %zu:%zu: ", sc_field_name(sp.field), line, column);
    data(out, f->message);
    sc_buf_putc(out, '\n');
}

static sc_status github_document(void *state, const sc_render_options *o, const sc_result *r,
                                 sc_buf *out)
{
    (void)state;
    sc_position_cache positions;
    sc_position_cache_init(&positions);
    for (size_t i = 0; i < r->n_findings; i++)
        if (sc_report_shows(o, &r->findings[i]))
            finding(out, r, &r->findings[i], &positions);
    return out->failed ? SC_ERR_NOMEM : SC_OK;
}

static sc_status github_error(void *state, const sc_render_options *o, const char *id,
                              const sc_error *error, sc_buf *out)
{
    (void)state;
    (void)o;
    id = id != NULL ? id : "-";
    sc_buf_puts(out, "::error file=");
    property(out, id);
    if (error->line > 0) {
        sc_buf_printf(out, ",line=%zu", error->line);
        if (error->column > 0)
            sc_buf_printf(out, ",col=%zu", error->column);
    }
    sc_buf_puts(out, "::");
    sc_buf msg;
    sc_buf_init(&msg);
    sc_buf_printf(&msg, "%s could not be read: %s", id,
                  error->message != NULL ? error->message : "error");
    if (error->path[0] != '\0')
        sc_buf_printf(&msg, " at %s", error->path);
    if (error->line == 0 && error->byte != SC_NO_POS)
        sc_buf_printf(&msg, " (byte %zu)", error->byte);
    if (error->detail[0] != '\0')
        sc_buf_printf(&msg, ": %s", error->detail);
    if (msg.failed)
        out->failed = true;
    else
        escaped(out, msg.data, msg.len, false);
    sc_buf_release(&msg);
    sc_buf_putc(out, '\n');
    return out->failed ? SC_ERR_NOMEM : SC_OK;
}

const sc_writer sc_writer_github = {
    .format = SC_REPORT_GITHUB,
    .state_size = 0,
    .document = github_document,
    .error = github_error,
};
