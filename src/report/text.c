/* The text report: one block per finding, for a person at a terminal.
 * Colour only when the caller asks (the CLI asks on a TTY without
 * NO_COLOR). */
#include <string.h>

#include "report.h"
#include "time/date.h"

#define RED "\033[31m"
#define YELLOW "\033[33m"
#define CYAN "\033[36m"
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static const char *paint(bool color, const char *code)
{
    return color ? code : "";
}

static const char *severity_color(sc_severity s)
{
    return s == SC_SEVERITY_ERROR ? RED : s == SC_SEVERITY_WARNING ? YELLOW : CYAN;
}

/* Text on one line: line breaks and tabs as spaces, cut at max bytes on a
 * character boundary. */
static void put_quoted(sc_buf *out, const char *s, size_t len, size_t max)
{
    bool cut = len > max;
    if (cut) {
        len = max;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    sc_buf_putc(out, '"');
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        sc_buf_putc(out, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
    sc_buf_puts(out, cut ? "...\"" : "\"");
}

static void put_span(sc_buf *out, const sc_result *r, sc_span sp)
{
    size_t line, column;
    sc_page_line_column(&r->page, sp.field, sp.start, &line, &column);
    sc_buf_printf(out, "%s %zu:%zu", sc_field_name(sp.field), line, column);
}

/* Whole numbers in full (amounts), others to four significant digits
 * (scores). */
static void put_number(sc_buf *out, double x)
{
    if (x > -1e15 && x < 1e15 && x == (double)(long long)x)
        sc_buf_printf(out, "%lld", (long long)x);
    else
        sc_buf_printf(out, "%.4g", x);
}

static void put_evidence(sc_buf *out, const sc_evidence *e)
{
    bool first = true;
    for (; e != NULL; e = e->next) {
        sc_buf_puts(out, first ? "      evidence: " : ", ");
        first = false;
        sc_buf_printf(out, "%s ", e->key);
        switch (e->type) {
        case SC_EV_STRING:
            put_quoted(out, e->string, strlen(e->string), 120);
            break;
        case SC_EV_NUMBER:
            put_number(out, e->number);
            break;
        case SC_EV_INTEGER:
            sc_buf_printf(out, "%lld", e->integer);
            break;
        case SC_EV_BOOL:
            sc_buf_puts(out, e->integer ? "true" : "false");
            break;
        case SC_EV_STRINGS:
            sc_buf_putc(out, '[');
            for (size_t i = 0; i < e->n_items; i++) {
                if (i)
                    sc_buf_puts(out, ", ");
                put_quoted(out, e->strings[i], strlen(e->strings[i]), 80);
            }
            sc_buf_putc(out, ']');
            break;
        case SC_EV_NUMBERS:
            sc_buf_putc(out, '[');
            for (size_t i = 0; i < e->n_items; i++) {
                if (i)
                    sc_buf_puts(out, ", ");
                put_number(out, e->numbers[i]);
            }
            sc_buf_putc(out, ']');
            break;
        }
    }
    if (!first)
        sc_buf_putc(out, '\n');
}

/* The sentence of the analysis that holds the span, as context. */
static void put_context(sc_buf *out, const char *label, const sc_analysis *a, sc_span sp)
{
    if (a->text == NULL || a->text->field != sp.field)
        return;
    for (size_t i = 0; i < a->n_sentences; i++) {
        size_t s = a->text->base + a->sentences[i].start, e = a->text->base + a->sentences[i].end;
        if (sp.start >= s && sp.start < e) {
            sc_buf_printf(out, "      %s: ", label);
            put_quoted(out, a->text->data + a->sentences[i].start, e - s, 300);
            sc_buf_putc(out, '\n');
            return;
        }
    }
}

sc_status sc_render_text_document(const sc_result *r, const sc_render_options *options, sc_buf *out)
{
    bool color = options != NULL && options->color;
    const sc_page *page = &r->page;
    sc_buf_printf(out, "%s%s%s\n", paint(color, BOLD), r->id, paint(color, RESET));
    sc_buf_printf(out, "  language %s", r->language);
    if (page->has_page_date) {
        char date[11];
        sc_date_format(page->page_date, date);
        sc_buf_printf(out, ", page date %s (%s)", date, page->page_date_origin);
    }
    if (page->has_summary)
        sc_buf_printf(out, ", %zu summary sentence%s, consistency %.2f\n", r->summary.n_sentences,
                      r->summary.n_sentences == 1 ? "" : "s", r->consistency);
    else
        sc_buf_puts(out, ", no summary to check\n");
    size_t counts[4] = {0, 0, 0, 0};
    size_t shown = 0, suppressed = 0, in_baseline = 0, below = 0;
    for (size_t i = 0; i < r->n_findings; i++) {
        const sc_finding *f = &r->findings[i];
        if (!sc_report_shows(options, f)) {
            if (!sc_report_lists(options, f))
                below++;
            else if (f->suppressed != NULL)
                suppressed++;
            else
                in_baseline++;
            continue;
        }
        shown++;
        counts[f->severity]++;
        sc_buf_printf(out, "  %s%s%s %s", paint(color, severity_color(f->severity)),
                      sc_severity_name(f->severity), paint(color, RESET), f->rule);
        sc_span where = f->summary_span.present ? f->summary_span : f->source_span;
        if (where.present) {
            sc_buf_puts(out, " at ");
            put_span(out, r, where);
        }
        sc_buf_printf(out, "\n      %s\n", f->message);
        if (f->summary_span.present)
            put_context(out, "summary", &r->summary, f->summary_span);
        if (f->source_span.present && f->summary_span.present) {
            sc_buf_puts(out, "      source at ");
            put_span(out, r, f->source_span);
            sc_buf_putc(out, '\n');
            put_context(out, "source", &r->article, f->source_span);
        }
        put_evidence(out, f->evidence);
    }
    if (shown == 0)
        sc_buf_printf(out, "  %sno findings%s", paint(color, DIM), paint(color, RESET));
    else
        sc_buf_printf(out, "  %zu finding%s: %zu error%s, %zu warning%s, %zu note%s", shown,
                      shown == 1 ? "" : "s", counts[SC_SEVERITY_ERROR],
                      counts[SC_SEVERITY_ERROR] == 1 ? "" : "s", counts[SC_SEVERITY_WARNING],
                      counts[SC_SEVERITY_WARNING] == 1 ? "" : "s", counts[SC_SEVERITY_NOTE],
                      counts[SC_SEVERITY_NOTE] == 1 ? "" : "s");
    /* What is left out, and why, so a clean-looking report is not taken
     * for a clean page. */
    if (suppressed > 0)
        sc_buf_printf(out, "; %zu suppressed", suppressed);
    if (in_baseline > 0)
        sc_buf_printf(out, "; %zu in the baseline", in_baseline);
    if (below > 0)
        sc_buf_printf(out, "; %zu below --min-severity", below);
    sc_buf_putc(out, '\n');
    return out->failed ? SC_ERR_NOMEM : SC_OK;
}

sc_status sc_render_text_error(const char *id, const sc_error *error, bool color, sc_buf *out)
{
    sc_buf_printf(out, "%s%s%s\n  %scould not be read%s: %s", paint(color, BOLD),
                  id != NULL ? id : "-", paint(color, RESET), paint(color, RED),
                  paint(color, RESET), error->message != NULL ? error->message : "error");
    if (error->path[0] != '\0')
        sc_buf_printf(out, " at %s", error->path);
    if (error->line > 0)
        sc_buf_printf(out, " (line %zu, column %zu)", error->line, error->column);
    else if (error->byte != SC_NO_POS)
        sc_buf_printf(out, " (byte %zu)", error->byte);
    if (error->detail[0] != '\0')
        sc_buf_printf(out, ": %s", error->detail);
    sc_buf_putc(out, '\n');
    return out->failed ? SC_ERR_NOMEM : SC_OK;
}
