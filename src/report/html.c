/* The HTML report: one self-contained page for a person to read.  Per
 * document the verdict and counts, the findings with their evidence, the
 * page's dates as a small timeline, and the summary beside the article:
 * each summary sentence coloured by its support and linked to the article
 * sentences that support it, its unsupported words marked.  A batch starts
 * with an index table that an inline script sorts (it reads without it).
 *
 * Built as a libxml2 tree, so every text and attribute is escaped; inline
 * CSS, no external requests.  The index sits before the documents but its
 * size is known only at the end, so the tree is kept and written at
 * finish, with no timestamp: two runs give the same bytes. */
#include <libxml/HTMLtree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "check/thresholds.h"
#include "report.h"
#include "time/date.h"
#include "core/xml_quiet.h"

/* Support colours: green from here up, amber from the unsupported-claim
 * threshold up (below it the rule fires), red under it. */
#define SUPPORT_HIGH 0.8
#define SUPPORT_MID SC_CLAIM_MIN_SUPPORT

/* Quoted page text in a finding is cut here: a source span can be a long
 * sentence, and the article column shows it whole anyway. */
#define MAX_QUOTE_BYTES 400

/* Date expressions on one document's timeline: past this many the lines
 * stop helping a reader, and a long page can state thousands. */
#define MAX_TIMELINE_EXPRESSIONS 200

#define NO_FINDING ((size_t)-1)

/* The style sheet, in pieces: ISO C promises string literals of 4095 bytes only. */
static const char *const style[] = {
    ":root{--ok:#1a7f37;--ok-bg:#e8f5ec;--mid:#9a6700;--mid-bg:#fff4d6;--bad:#c62828;"
    "--bad-bg:#fdecea;--note:#0969da;--line:#d0d7de;--muted:#57606a}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:1240px;padding:16px 20px 40px;font:15px/1.5 system-ui,"
    "-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:#1f2328;background:#fff}\n"
    "h1{font-size:22px;margin:0 0 4px}h2{font-size:19px;margin:0;word-break:break-all}"
    "h3{font-size:15px;margin:18px 0 8px;text-transform:uppercase;letter-spacing:.04em;"
    "color:var(--muted)}\n"
    "a{color:var(--note)}code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace}\n"
    ".run{color:var(--muted);margin:0 0 16px}\n"
    ".doc{border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:0 0 24px}\n"
    ".verdict-bar{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px;margin:8px 0 4px}"
    "\n"
    ".verdict{font-weight:700;padding:2px 10px;border-radius:4px;color:#fff;letter-spacing:"
    ".05em}\n"
    ".verdict.pass{background:var(--ok)}.verdict.fail{background:var(--bad)}"
    ".verdict.unreadable{background:#6e7781}\n"
    ".count{padding:1px 8px;border-radius:10px;background:#eaeef2;font-size:13px}"
    ".count.error{background:var(--bad-bg);color:var(--bad)}"
    ".count.warning{background:var(--mid-bg);color:var(--mid)}"
    ".count.note{background:#ddf4ff;color:var(--note)}\n"
    ".facts{color:var(--muted);font-size:13px;margin:2px 0 0}"
    ".facts span+span::before{content:' \\00b7  '}\n",
    ".findings{list-style:none;padding:0;margin:0}\n"
    ".finding{border-left:4px solid var(--note);background:#f6f8fa;padding:8px 12px;margin:0 0 "
    "8px;border-radius:0 6px 6px 0}\n"
    ".finding.error{border-color:var(--bad)}.finding.warning{border-color:var(--mid)}\n"
    ".finding:target{outline:2px solid var(--note)}\n"
    ".finding.suppressed,.finding.known{border-left-style:dashed;background:#fbfcfd}"
    ".finding.suppressed .sev,.finding.known .sev{color:var(--muted)}"
    ".mark{font-size:12px;padding:0 6px;border-radius:8px;background:#eaeef2;color:var(--muted)}"
    ".reason{margin:4px 0;font-size:14px;color:var(--muted)}\n"
    ".fhead{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}\n"
    ".sev{font-weight:700;text-transform:uppercase;font-size:12px}"
    ".error .sev{color:var(--bad)}.warning .sev{color:var(--mid)}.note .sev{color:var(--note)}"
    "\n"
    ".rule{font-weight:600}.where{color:var(--muted);font-size:13px}\n"
    ".msg{margin:4px 0}.quote{margin:4px 0;font-size:14px}.quote q{background:#fff;padding:0 "
    "3px;border:1px solid var(--line);border-radius:3px}\n"
    "dl.evidence{display:grid;grid-template-columns:max-content minmax(0,1fr) max-content "
    "minmax(0,1fr);gap:0 10px;margin:6px 0 0;font-size:13px}\n"
    "dl.evidence dt{color:var(--muted)}dl.evidence dd{margin:0;overflow-wrap:anywhere}\n"
    ".timeline{list-style:none;padding:0;margin:0;font-size:13px}\n"
    ".timeline li{display:grid;grid-template-columns:11em minmax(120px,1fr) minmax(0,1.4fr);"
    "gap:10px;align-items:center;padding:2px 0;border-bottom:1px dotted #eaeef2}\n"
    ".t-date{font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    ".t-track{position:relative;height:10px;background:#eaeef2;border-radius:5px}\n"
    ".t-mark{position:absolute;top:-2px;width:14px;height:14px;margin-left:-7px;border-radius:"
    "50%;background:#6e7781;border:2px solid #fff}\n",
    ".t-range{position:absolute;top:1px;height:8px;min-width:4px;border-radius:4px;"
    "background:#8c959f}\n"
    ".t-page .t-mark{background:var(--note)}.t-page.t-bad .t-mark{background:var(--bad)}"
    ".t-inferred .t-mark{background:var(--ok)}\n"
    ".t-page .t-what,.t-inferred .t-what{font-weight:600}\n"
    ".t-scale{color:var(--muted);font-size:12px;margin:4px 0 0}"
    ".t-finding{margin:0 0 6px}\n"
    ".cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px}\n"
    "@media (max-width:800px){.cols{grid-template-columns:1fr}}\n"
    "@media print{.article{max-height:none;overflow:visible}}\n"
    ".sentences{list-style:none;padding:0;margin:0}\n"
    ".sent{border-left:5px solid var(--bad);background:var(--bad-bg);padding:6px 10px;margin:0 "
    "0 8px;border-radius:0 6px 6px 0}\n"
    ".sent.high{border-color:var(--ok);background:var(--ok-bg)}"
    ".sent.mid{border-color:var(--mid);background:var(--mid-bg)}\n"
    ".sent:target{outline:2px solid var(--note)}\n"
    ".smeta{font-size:12px;color:var(--muted);margin-top:4px}"
    ".support{font-weight:700;color:var(--bad)}.high .support{color:var(--ok)}"
    ".mid .support{color:var(--mid)}\n"
    ".article{font-size:14px;line-height:1.55;max-height:1400px;overflow:auto;border:1px solid "
    "var(--line);border-radius:6px;padding:8px 12px}\n"
    ".pw{white-space:pre-wrap;overflow-wrap:anywhere}\n"
    ".as.al{background:#dbeafe;border-radius:2px;box-shadow:0 0 0 1px #bfdbfe}"
    ".as:target{background:#ffe58f;box-shadow:0 0 0 2px #d4a72c}\n"
    "sup.back a{font-size:11px;text-decoration:none;margin-left:2px}\n",
    "mark{border-radius:2px;padding:0 1px;color:inherit;background:none}"
    "mark.u-word{background:#ffe58f}mark.u-name{background:#ffc1c1}"
    "mark.u-num{background:#ffcf99}mark.u-date{background:#e0ccff}\n"
    "mark.src{text-decoration:underline 2px dotted var(--bad);text-underline-offset:4px}\n"
    "mark.flag{text-decoration:underline wavy var(--bad);text-underline-offset:3px}"
    "mark.flag.f-warning{text-decoration-color:var(--mid)}"
    "mark.flag.f-note{text-decoration-color:var(--note)}mark a{color:inherit;"
    "text-decoration:none}\n"
    ".legend{font-size:12px;color:var(--muted);margin:0 0 8px}.legend mark,.legend span{"
    "margin-right:6px}\n"
    ".swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:3px;"
    "vertical-align:middle}\n"
    ".empty{color:var(--muted);font-style:italic}\n"
    "table.index{border-collapse:collapse;width:100%;font-size:14px;margin:0 0 24px}\n"
    "table.index th,table.index td{border-bottom:1px solid var(--line);padding:4px 8px;"
    "text-align:left}\n"
    "table.index th{background:#f6f8fa;cursor:pointer;user-select:none;white-space:nowrap}\n"
    "table.index th[aria-sort=ascending]::after{content:' \\25b2'}"
    "table.index th[aria-sort=descending]::after{content:' \\25bc'}\n"
    "table.index td.num,table.index th[data-type=num]{text-align:right;font-variant-numeric:"
    "tabular-nums}\n"
    "td.v-pass{color:var(--ok);font-weight:700}td.v-fail{color:var(--bad);font-weight:700}"
    "td.v-unreadable{color:#6e7781;font-weight:700}\n"
    ".hint{font-size:12px;color:var(--muted);margin:0 0 4px}\n"
    "footer{color:var(--muted);font-size:12px;margin-top:24px}\n",
};

/* Sorts the index table by the clicked column; numbers by data-v.  Only
 * the order changes: the table reads the same without it. */
static const char script[] =
    "document.querySelectorAll('table.sortable').forEach(function(t){\n"
    "  var hs=t.querySelectorAll('th');\n"
    "  hs.forEach(function(th,i){\n"
    "    th.tabIndex=0;\n"
    "    var go=function(){\n"
    "      var up=th.getAttribute('aria-sort')!=='ascending';\n"
    "      var num=th.getAttribute('data-type')==='num';\n"
    "      var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);\n"
    "      var key=function(r){var c=r.cells[i],v=c.getAttribute('data-v');"
    "return v===null?c.textContent:v;};\n"
    "      rows.sort(function(x,y){var a=key(x),c=key(y);"
    "var d=num?parseFloat(a)-parseFloat(c):a.localeCompare(c);return up?d:-d;});\n"
    "      hs.forEach(function(h){h.removeAttribute('aria-sort');});\n"
    "      th.setAttribute('aria-sort',up?'ascending':'descending');\n"
    "      rows.forEach(function(r){b.appendChild(r);});\n"
    "    };\n"
    "    th.addEventListener('click',go);\n"
    "    th.addEventListener('keydown',function(e){if(e.key==='Enter')go();});\n"
    "  });\n"
    "});\n";

typedef struct html_state {
    htmlDocPtr doc;
    xmlNodePtr head;
    xmlNodePtr body;
    xmlNodePtr run_line; /* "N documents: ..." under the title, filled at finish */
    xmlNodePtr index;    /* the batch index section, dropped at finish for one document */
    xmlNodePtr index_rows;
    char *first_id; /* the title of a one-document report (a copy) */
    size_t documents, failed_documents, unreadable;
    size_t suppressed, in_baseline; /* findings so marked, over the run */
    sc_baseline_entry *stale;       /* sc_report_baseline: entries no finding matched */
    size_t n_stale;
    bool baseline_used;
    bool failed; /* out of memory somewhere: the report is not written */
    sc_buf clean;
    sc_buf scratch;
} html_state;

/* ------------------------------------------------------------ tree helpers
 * Each helper does nothing when its parent is NULL (an earlier failure,
 * already recorded), so callers need not check every step. */

/* text as a NUL-terminated string libxml2 can hold (invalid UTF-8 and the
 * code points XML forbids as U+FFFD), in s->clean until the next call. */
static const xmlChar *clean(html_state *s, const char *text, size_t len)
{
    sc_buf_clear(&s->clean);
    s->clean.failed = false;
    sc_report_clean(text, len, true, &s->clean);
    sc_buf_putc(&s->clean, '\0');
    if (s->clean.failed) {
        s->failed = true;
        return NULL;
    }
    return (const xmlChar *)s->clean.data;
}

static void attr(html_state *s, xmlNodePtr node, const char *name, const char *value)
{
    if (node == NULL)
        return;
    const xmlChar *v = clean(s, value, strlen(value));
    if (v == NULL || xmlNewProp(node, (const xmlChar *)name, v) == NULL)
        s->failed = true;
}

__attribute__((format(printf, 4, 5))) static void attrf(html_state *s, xmlNodePtr node,
                                                        const char *name, const char *fmt, ...)
{
    char value[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(value, sizeof value, fmt, ap);
    va_end(ap);
    attr(s, node, name, value);
}

static xmlNodePtr el(html_state *s, xmlNodePtr parent, const char *name, const char *cls)
{
    if (parent == NULL)
        return NULL;
    xmlNodePtr node = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
    if (node == NULL) {
        s->failed = true;
        return NULL;
    }
    if (cls != NULL && cls[0] != '\0')
        attr(s, node, "class", cls);
    return node;
}

static void text_n(html_state *s, xmlNodePtr parent, const char *text, size_t len)
{
    if (parent == NULL || len == 0)
        return;
    const xmlChar *t = clean(s, text, len);
    xmlNodePtr node = t != NULL ? xmlNewText(t) : NULL;
    if (node == NULL) {
        s->failed = true;
        return;
    }
    xmlAddChild(parent, node); /* may merge it into a text before it */
}

static void text(html_state *s, xmlNodePtr parent, const char *t)
{
    text_n(s, parent, t, strlen(t));
}

__attribute__((format(printf, 3, 4))) static void textf(html_state *s, xmlNodePtr parent,
                                                        const char *fmt, ...)
{
    char value[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(value, sizeof value, fmt, ap);
    va_end(ap);
    text(s, parent, value);
}

/* An element holding text. */
static xmlNodePtr el_text(html_state *s, xmlNodePtr parent, const char *name, const char *cls,
                          const char *t)
{
    xmlNodePtr node = el(s, parent, name, cls);
    text(s, node, t);
    return node;
}

/* A link to #target. */
static xmlNodePtr link_to(html_state *s, xmlNodePtr parent, const char *target, const char *t)
{
    xmlNodePtr a = el(s, parent, "a", NULL);
    attrf(s, a, "href", "#%s", target);
    text(s, a, t);
    return a;
}

/* Element ids: "dN" for the Nth document (1-based), "dN-sI" summary
 * sentence I, "dN-aI" article sentence I, "dN-fI" finding I (0-based, as
 * in the JSON report). */
typedef struct anchor {
    char id[64];
} anchor;

static anchor anchor_of(size_t doc, char kind, size_t index)
{
    anchor a;
    if (kind == 0)
        snprintf(a.id, sizeof a.id, "d%zu", doc);
    else
        snprintf(a.id, sizeof a.id, "d%zu-%c%zu", doc, kind, index);
    return a;
}

/* Whole numbers in full (amounts, years), others to four significant
 * digits (scores), as the text report writes them. */
static void format_number(char *out, size_t size, double x)
{
    if (x > -1e15 && x < 1e15 && x == (double)(long long)x)
        snprintf(out, size, "%lld", (long long)x);
    else
        snprintf(out, size, "%.4g", x);
}

/* s[0..len) cut at max bytes on a character boundary, "..." marking a cut,
 * in s->scratch. */
static const char *quoted(html_state *s, const char *t, size_t len)
{
    sc_buf_clear(&s->scratch);
    s->scratch.failed = false;
    size_t n = sc_utf8_prefix(t, len, MAX_QUOTE_BYTES);
    sc_buf_append(&s->scratch, t, n);
    if (n < len)
        sc_buf_puts(&s->scratch, "\xE2\x80\xA6");
    sc_buf_putc(&s->scratch, '\0');
    if (s->scratch.failed) {
        s->failed = true;
        return "";
    }
    return s->scratch.data;
}

/* ------------------------------------------------------------ marked text */

/* A stretch of a text to highlight: bytes [start, end) of the text, a CSS
 * class, and the finding it links to (NO_FINDING for none). */
typedef struct mark {
    size_t start;
    size_t end;
    const char *cls;
    size_t finding;
} mark;

static int by_start(const void *a, const void *b)
{
    const mark *x = a, *y = b;
    return x->start < y->start   ? -1
           : x->start > y->start ? 1
                                 : (x->end > y->end) - (x->end < y->end);
}

static int by_offset(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Appends data[from, to) to parent with the marks that overlap it: each
 * stretch covered by marks becomes one <mark> with all their classes,
 * holding a link to the first finding among them.  marks need not be
 * sorted; overlapping marks are fine. */
static void put_marked(html_state *s, xmlNodePtr parent, const sc_result *r, size_t doc,
                       const char *data, size_t from, size_t to, const mark *marks, size_t n)
{
    if (parent == NULL || from >= to)
        return;
    if (n == 0) {
        text_n(s, parent, data + from, to - from);
        return;
    }
    mark *m = n < SIZE_MAX / (2 * sizeof(mark)) ? malloc(n * sizeof *m) : NULL;
    size_t *cut = m != NULL ? malloc((2 * n + 2) * sizeof *cut) : NULL;
    size_t *active = m != NULL ? malloc(n * sizeof *active) : NULL;
    size_t k = 0, n_cut = 0;
    if (cut == NULL || active == NULL) {
        free(m);
        free(cut);
        free(active);
        s->failed = true;
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (marks[i].start < to && marks[i].end > from && marks[i].start < marks[i].end) {
            m[k] = marks[i];
            m[k].start = m[k].start < from ? from : m[k].start;
            m[k].end = m[k].end > to ? to : m[k].end;
            cut[n_cut++] = m[k].start;
            cut[n_cut++] = m[k].end;
            k++;
        }
    cut[n_cut++] = from;
    cut[n_cut++] = to;
    qsort(m, k, sizeof *m, by_start);
    qsort(cut, n_cut, sizeof *cut, by_offset);
    size_t next = 0, n_active = 0;
    for (size_t c = 0; c + 1 < n_cut; c++) {
        size_t a = cut[c], b = cut[c + 1];
        if (a == b)
            continue;
        /* The marks covering [a, b): those started by a and not ended. */
        while (next < k && m[next].start <= a)
            active[n_active++] = next++;
        size_t kept = 0;
        for (size_t i = 0; i < n_active; i++)
            if (m[active[i]].end > a)
                active[kept++] = active[i];
        n_active = kept;
        if (n_active == 0) {
            text_n(s, parent, data + a, b - a);
            continue;
        }
        sc_buf_clear(&s->scratch);
        s->scratch.failed = false;
        size_t finding = NO_FINDING;
        for (size_t i = 0; i < n_active; i++) {
            const mark *x = &m[active[i]];
            bool seen = false;
            for (size_t j = 0; j < i; j++)
                seen = seen || strcmp(m[active[j]].cls, x->cls) == 0;
            if (!seen) {
                if (s->scratch.len > 0)
                    sc_buf_putc(&s->scratch, ' ');
                sc_buf_puts(&s->scratch, x->cls);
            }
            if (finding == NO_FINDING)
                finding = x->finding;
        }
        sc_buf_putc(&s->scratch, '\0');
        if (s->scratch.failed) {
            s->failed = true;
            break;
        }
        xmlNodePtr node = el(s, parent, "mark", s->scratch.data);
        if (finding != NO_FINDING && finding < r->n_findings) {
            attr(s, node, "title", r->findings[finding].rule);
            node = el(s, node, "a", NULL);
            attrf(s, node, "href", "#%s", anchor_of(doc, 'f', finding).id);
        }
        text_n(s, node, data + a, b - a);
    }
    free(m);
    free(cut);
    free(active);
}

/* The class of an unsupported summary token, by what it is. */
static const char *token_class(const sc_token *t)
{
    if (t->flags & SC_TOKF_DATE)
        return "u-date";
    if (t->kind == SC_TOK_NUMBER || (t->flags & (SC_TOKF_NUMWORD | SC_TOKF_SCALE)))
        return "u-num";
    if (t->flags & SC_TOKF_ENTITY)
        return "u-name";
    return "u-word";
}

static const char *severity_flag(sc_severity sev)
{
    return sev == SC_SEVERITY_ERROR     ? "flag f-error"
           : sev == SC_SEVERITY_WARNING ? "flag f-warning"
                                        : "flag f-note";
}

/* The index of the sentence of a that holds text offset off, or
 * a->n_sentences when none does. */
static size_t sentence_at(const sc_analysis *a, size_t off)
{
    /* Sentences are in text order and do not overlap: the last one that
     * starts at or before off is the only candidate. */
    size_t lo = 0, hi = a->n_sentences;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->sentences[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && off < a->sentences[lo - 1].end ? lo - 1 : a->n_sentences;
}

/* Whether span lies in text a; its offsets in the text go to *start and
 * *end. */
static bool span_in(const sc_analysis *a, sc_span sp, size_t *start, size_t *end)
{
    if (!sp.present || a->text == NULL || sp.field != a->text->field || sp.start < a->text->base ||
        sp.start > a->text->base + a->text->len)
        return false;
    *start = sp.start - a->text->base;
    *end = sp.end - a->text->base;
    if (*end > a->text->len)
        *end = a->text->len;
    if (*end < *start)
        *end = *start;
    return true;
}

static const char *support_class(double support)
{
    return support >= SUPPORT_HIGH ? "high" : support >= SUPPORT_MID ? "mid" : "low";
}

/* ------------------------------------------------------------ findings */

static void put_evidence_value(html_state *s, xmlNodePtr dd, const sc_evidence *e)
{
    char num[40];
    switch (e->type) {
    case SC_EV_STRING:
        text(s, dd, e->string);
        break;
    case SC_EV_NUMBER:
        format_number(num, sizeof num, e->number);
        text(s, dd, num);
        break;
    case SC_EV_INTEGER:
        textf(s, dd, "%lld", e->integer);
        break;
    case SC_EV_BOOL:
        text(s, dd, e->integer ? "true" : "false");
        break;
    case SC_EV_STRINGS:
        for (size_t i = 0; i < e->n_items; i++) {
            if (i > 0)
                text(s, dd, ", ");
            el_text(s, dd, "q", NULL, e->strings[i]);
        }
        break;
    case SC_EV_NUMBERS:
        for (size_t i = 0; i < e->n_items; i++) {
            format_number(num, sizeof num, e->numbers[i]);
            textf(s, dd, "%s%s", i > 0 ? ", " : "", num);
        }
        break;
    }
}

/* "summary: <q>text</q> -> summary sentence 2" for the text under a span,
 * linked to the sentence of the summary or article that holds it; with
 * where, the span's line and column too (the finding's heading gives the
 * first span's). */
static void put_quote(html_state *s, xmlNodePtr parent, const sc_result *r, size_t doc,
                      const char *label, sc_span sp, bool where, sc_position_cache *positions)
{
    const char *data = r->page.field_data[sp.field];
    if (data == NULL || sp.end > r->page.field_len[sp.field] || sp.end < sp.start)
        return;
    xmlNodePtr p = el(s, parent, "p", "quote");
    text(s, p, label);
    if (where) {
        size_t line, column;
        sc_page_line_column_cached(&r->page, positions, sp.field, sp.start, &line, &column);
        textf(s, p, " (%s %zu:%zu)", sc_field_name(sp.field), line, column);
    }
    text(s, p, ": ");
    if (sp.end > sp.start)
        el_text(s, p, "q", NULL, quoted(s, data + sp.start, sp.end - sp.start));
    else
        el_text(s, p, "span", "empty", "empty");
    size_t start, end;
    const sc_analysis *texts[2] = {&r->summary, &r->article};
    const char kinds[2] = {'s', 'a'};
    const char *names[2] = {"summary sentence", "article sentence"};
    for (int t = 0; t < 2; t++) {
        if (!span_in(texts[t], sp, &start, &end))
            continue;
        size_t i = sentence_at(texts[t], start);
        if (i < texts[t]->n_sentences) {
            char label_text[64];
            snprintf(label_text, sizeof label_text, "%s %zu", names[t], i + 1);
            text(s, p, " \xE2\x86\x92 ");
            link_to(s, p, anchor_of(doc, kinds[t], i).id, label_text);
        }
        break;
    }
}

/* The findings the report lists (sc_report_lists): a suppressed one is
 * shown as such with its reason, one in the baseline is marked known;
 * neither counts toward the verdict. */
static void put_findings(html_state *s, const sc_render_options *o, xmlNodePtr section,
                         const sc_result *r, size_t doc)
{
    size_t listed = 0;
    for (size_t i = 0; i < r->n_findings; i++)
        listed += sc_report_lists(o, &r->findings[i]);
    char heading[48];
    snprintf(heading, sizeof heading, "Findings (%zu)", listed);
    el_text(s, section, "h3", NULL, heading);
    if (listed == 0) {
        el_text(s, section, "p", "empty", "No findings.");
        return;
    }
    sc_position_cache positions;
    sc_position_cache_init(&positions);
    xmlNodePtr list = el(s, section, "ol", "findings");
    for (size_t i = 0; i < r->n_findings; i++) {
        const sc_finding *f = &r->findings[i];
        if (!sc_report_lists(o, f))
            continue;
        char cls[48];
        snprintf(cls, sizeof cls, "finding %s%s", sc_severity_name(f->severity),
                 f->suppressed != NULL ? " suppressed"
                 : f->in_baseline      ? " known"
                                       : "");
        xmlNodePtr li = el(s, list, "li", cls);
        attr(s, li, "id", anchor_of(doc, 'f', i).id);
        xmlNodePtr head = el(s, li, "div", "fhead");
        el_text(s, head, "span", "sev", sc_severity_name(f->severity));
        xmlNodePtr rule = el_text(s, head, "code", "rule", f->rule);
        size_t index = sc_report_rule_index(f->rule);
        if (index < sc_rule_count)
            attr(s, rule, "title", sc_rules[index]->summary);
        if (f->suppressed != NULL)
            el_text(s, head, "span", "mark", "suppressed");
        else if (f->in_baseline)
            el_text(s, head, "span", "mark", "in the baseline");
        sc_span where = f->summary_span.present ? f->summary_span : f->source_span;
        if (where.present) {
            size_t line, column;
            sc_page_line_column_cached(&r->page, &positions, where.field, where.start, &line,
                                       &column);
            xmlNodePtr w = el(s, head, "span", "where");
            textf(s, w, "%s %zu:%zu", sc_field_name(where.field), line, column);
        }
        el_text(s, li, "p", "msg", f->message);
        if (f->suppressed != NULL) {
            xmlNodePtr why = el(s, li, "p", "reason");
            text(s, why, "Suppressed by the configuration: ");
            text(s, why, f->suppressed);
        } else if (f->in_baseline) {
            el_text(s, li, "p", "reason",
                    "Known: recorded in the baseline, so it does not fail the gate.");
        }
        if (f->summary_span.present)
            put_quote(s, li, r, doc, "summary", f->summary_span, false, &positions);
        if (f->source_span.present)
            put_quote(s, li, r, doc,
                      f->summary_span.present                   ? "compared with"
                      : f->source_span.field == SC_FIELD_PAGE   ? "on the page"
                      : f->source_span.field == SC_FIELD_SOURCE ? "in the source"
                                                                : "in the summary",
                      f->source_span, f->summary_span.present, &positions);
        if (f->evidence != NULL) {
            xmlNodePtr dl = el(s, li, "dl", "evidence");
            for (const sc_evidence *e = f->evidence; e != NULL; e = e->next) {
                el_text(s, dl, "dt", NULL, e->key);
                put_evidence_value(s, el(s, dl, "dd", NULL), e);
            }
        }
    }
}

/* ------------------------------------------------------------ timeline */

typedef enum moment_kind { MOMENT_PAGE, MOMENT_INFERRED, MOMENT_EXPR } moment_kind;

/* One line of the timeline: a date (or a range of days), what it is. */
typedef struct moment {
    moment_kind kind;
    bool resolved;
    long first, last; /* days since 1970-01-01 */
    sc_date date, date_last;
    const sc_analysis *text; /* MOMENT_EXPR: the text it is in */
    const sc_time_expr *expr;
    size_t order; /* ties keep this order */
} moment;

static moment day_moment(moment_kind kind, sc_date date, size_t order)
{
    moment m;
    memset(&m, 0, sizeof m);
    m.kind = kind;
    m.resolved = true;
    m.first = m.last = sc_date_days(date);
    m.date = m.date_last = date;
    m.order = order;
    return m;
}

static int by_date(const void *a, const void *b)
{
    const moment *x = a, *y = b;
    if (x->resolved != y->resolved)
        return x->resolved ? -1 : 1;
    if (x->resolved && x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return (x->order > y->order) - (x->order < y->order);
}

static const char *time_kind_name(sc_time_kind kind)
{
    switch (kind) {
    case SC_TIME_DATE:
        return "date";
    case SC_TIME_MONTH:
        return "month";
    case SC_TIME_YEAR:
        return "year";
    case SC_TIME_WEEKDAY:
        return "weekday";
    case SC_TIME_RELATIVE:
        return "relative";
    }
    return "date";
}

typedef struct range_text {
    char text[40];
} range_text;

/* A range of days as people write it: "1991" for a whole year, "2021-12"
 * for a whole month, "2024-11-17 \u2013 11-23" within one year. */
static range_text range_label(sc_date a, sc_date b, const char *fa, const char *fb)
{
    range_text l;
    bool month_end = !sc_date_valid((sc_date){b.year, b.month, b.day + 1});
    if (a.year == b.year && a.month == 1 && a.day == 1 && b.month == 12 && b.day == 31)
        snprintf(l.text, sizeof l.text, "%04d", a.year);
    else if (a.year == b.year && a.month == b.month && a.day == 1 && month_end)
        snprintf(l.text, sizeof l.text, "%.7s", fa);
    else if (a.year == b.year)
        snprintf(l.text, sizeof l.text, "%s \xE2\x80\x93 %s", fa, fb + 5);
    else
        snprintf(l.text, sizeof l.text, "%s \xE2\x80\x93 %s", fa, fb);
    return l;
}

/* Where a day sits on the scale [lo, hi], as a CSS percentage. */
static double position(long day, long lo, long hi)
{
    return hi > lo ? 100.0 * (double)(day - lo) / (double)(hi - lo) : 50.0;
}

static void put_moment(html_state *s, xmlNodePtr list, const sc_result *r, size_t doc,
                       const moment *m, long lo, long hi, bool page_date_contradicted)
{
    const char *cls = m->kind == MOMENT_PAGE ? (page_date_contradicted ? "t-page t-bad" : "t-page")
                      : m->kind == MOMENT_INFERRED ? "t-inferred"
                      : m->text == &r->summary     ? "t-expr t-summary"
                                                   : "t-expr t-article";
    xmlNodePtr li = el(s, list, "li", cls);
    xmlNodePtr date = el(s, li, "span", "t-date");
    xmlNodePtr track = el(s, li, "span", "t-track");
    char d1[11], d2[11];
    if (m->resolved) {
        sc_date_format(m->date, d1);
        if (m->last != m->first) {
            sc_date_format(m->date_last, d2);
            text(s, date, range_label(m->date, m->date_last, d1, d2).text);
            double left = position(m->first, lo, hi), right = position(m->last, lo, hi);
            xmlNodePtr bar = el(s, track, "span", "t-range");
            attrf(s, bar, "style", "left:%.2f%%;width:%.2f%%", left, right - left);
        } else {
            text(s, date, d1);
            xmlNodePtr dot = el(s, track, "span", "t-mark");
            attrf(s, dot, "style", "left:%.2f%%", position(m->first, lo, hi));
        }
        attr(s, track, "title", d1);
    } else {
        el_text(s, date, "span", "empty", "not resolved");
    }
    xmlNodePtr what = el(s, li, "span", "t-what");
    const sc_page *page = &r->page;
    switch (m->kind) {
    case MOMENT_PAGE:
        text(s, what, "page date");
        textf(s, what, " (%s", page->page_date_origin != NULL ? page->page_date_origin : "page");
        if (page->page_date_text != NULL) {
            text(s, what, ": ");
            el_text(s, what, "q", NULL, page->page_date_text);
        }
        text(s, what, ")");
        break;
    case MOMENT_INFERRED:
        text(s, what, "the article's own date, inferred from ");
        el_text(s, what, "q", NULL, r->inferred_why != NULL ? r->inferred_why : "its text");
        textf(s, what, " (confidence %.2f)", r->inferred_confidence);
        break;
    case MOMENT_EXPR: {
        const sc_time_expr *e = m->expr;
        bool in_summary = m->text == &r->summary;
        text(s, what, in_summary ? "summary: " : "article: ");
        if (e->sentence < m->text->n_sentences) {
            xmlNodePtr a = el(s, what, "a", NULL);
            attrf(s, a, "href", "#%s", anchor_of(doc, in_summary ? 's' : 'a', e->sentence).id);
            el_text(s, a, "q", NULL, quoted(s, m->text->text->data + e->start, e->end - e->start));
        } else {
            el_text(s, what, "q", NULL,
                    quoted(s, m->text->text->data + e->start, e->end - e->start));
        }
        textf(s, what, " (%s", time_kind_name(e->kind));
        if (e->n_candidate_years > 0) {
            text(s, what, "; the weekday fits ");
            for (size_t k = 0; k < e->n_candidate_years && k < 3; k++)
                textf(s, what, "%s%d", k > 0 ? ", " : "", e->candidate_years[k]);
            if (!e->weekday_fits_reference)
                text(s, what, "; not the page date's year");
        }
        text(s, what, ")");
        break;
    }
    }
}

static void put_timeline(html_state *s, xmlNodePtr section, const sc_result *r, size_t doc)
{
    const sc_page *page = &r->page;
    size_t n_article = r->article.n_times, n_summary = r->summary.n_times;
    /* A long page can state thousands of dates: the summary's are the
     * claims, so they come first, then the article's up to the cap. */
    n_summary = n_summary < MAX_TIMELINE_EXPRESSIONS ? n_summary : MAX_TIMELINE_EXPRESSIONS;
    n_article = n_article < MAX_TIMELINE_EXPRESSIONS - n_summary
                    ? n_article
                    : MAX_TIMELINE_EXPRESSIONS - n_summary;
    size_t omitted = r->article.n_times + r->summary.n_times - n_article - n_summary;
    moment *ms = calloc(n_article + n_summary + 2, sizeof *ms);
    if (ms == NULL) {
        s->failed = true;
        return;
    }
    size_t k = 0;
    if (page->has_page_date) {
        ms[k] = day_moment(MOMENT_PAGE, page->page_date, k);
        k++;
    }
    if (r->has_inferred_date) {
        ms[k] = day_moment(MOMENT_INFERRED, r->inferred_date, k);
        k++;
    }
    const sc_analysis *texts[2] = {&r->article, &r->summary};
    size_t shown[2] = {n_article, n_summary};
    for (int t = 0; t < 2; t++)
        for (size_t i = 0; i < shown[t]; i++) {
            const sc_time_expr *e = &texts[t]->times[i];
            moment m = day_moment(MOMENT_EXPR, e->date, k);
            m.resolved = e->resolved;
            m.date_last = e->date_last;
            m.text = texts[t];
            m.expr = e;
            if (e->resolved) {
                m.last = sc_date_days(e->date_last);
                if (m.last < m.first)
                    m.last = m.first;
            }
            ms[k++] = m;
        }
    if (k == 0) {
        free(ms);
        return;
    }
    qsort(ms, k, sizeof *ms, by_date);
    long lo = 0, hi = 0;
    bool any = false;
    for (size_t i = 0; i < k; i++)
        if (ms[i].resolved) {
            lo = !any || ms[i].first < lo ? ms[i].first : lo;
            hi = !any || ms[i].last > hi ? ms[i].last : hi;
            any = true;
        }
    el_text(s, section, "h3", NULL, "Dates");
    bool contradicted = false;
    for (size_t i = 0; i < r->n_findings; i++) {
        const sc_finding *f = &r->findings[i];
        if (strcmp(f->rule, "page-date-mismatch") != 0)
            continue;
        contradicted = true;
        xmlNodePtr p = el(s, section, "p", "t-finding");
        el_text(s, p, "span", "sev", sc_severity_name(f->severity));
        text(s, p, " ");
        link_to(s, p, anchor_of(doc, 'f', i).id, f->rule);
        long long days = -1;
        const char *page_date = NULL, *inferred = NULL;
        for (const sc_evidence *e = f->evidence; e != NULL; e = e->next) {
            if (strcmp(e->key, "days_apart") == 0 && e->type == SC_EV_INTEGER)
                days = e->integer;
            else if (strcmp(e->key, "page_date") == 0 && e->type == SC_EV_STRING)
                page_date = e->string;
            else if (strcmp(e->key, "inferred_date") == 0 && e->type == SC_EV_STRING)
                inferred = e->string;
        }
        if (page_date != NULL && inferred != NULL && days >= 0) {
            text(s, p, ": the page says ");
            el_text(s, p, "strong", NULL, page_date);
            text(s, p, ", the article's text points to ");
            el_text(s, p, "strong", NULL, inferred);
            textf(s, p, ", %lld day%s apart", days, days == 1 ? "" : "s");
        }
    }
    xmlNodePtr list = el(s, section, "ol", "timeline");
    for (size_t i = 0; i < k; i++)
        put_moment(s, list, r, doc, &ms[i], lo, hi, contradicted);
    if (any) {
        char a[11] = "", b[11] = "";
        /* The scale's ends, from the earliest and latest day shown. */
        for (size_t i = 0; i < k; i++)
            if (ms[i].resolved && ms[i].first == lo)
                sc_date_format(ms[i].date, a);
        for (size_t i = 0; i < k; i++)
            if (ms[i].resolved && ms[i].last == hi)
                sc_date_format(ms[i].last == ms[i].first ? ms[i].date : ms[i].date_last, b);
        xmlNodePtr p = el(s, section, "p", "t-scale");
        textf(s, p, "The bars run from %s (left) to %s (right).", a, b);
        if (omitted > 0)
            textf(s, p, " %zu more date expression%s not shown.", omitted,
                  omitted == 1 ? " is" : "s are");
    }
    free(ms);
}

/* ------------------------------------------------------------ the texts */

static void put_legend(html_state *s, xmlNodePtr parent)
{
    xmlNodePtr p = el(s, parent, "p", "legend");
    static const struct {
        const char *cls, *color, *label;
    } support[] = {{"high", "var(--ok)", "support \xE2\x89\xA5 0.8"},
                   {"mid", "var(--mid)", "\xE2\x89\xA5 0.5"},
                   {"low", "var(--bad)", "below 0.5"}};
    for (size_t i = 0; i < sizeof support / sizeof support[0]; i++) {
        xmlNodePtr span = el(s, p, "span", NULL);
        xmlNodePtr sw = el(s, span, "span", "swatch");
        attrf(s, sw, "style", "background:%s", support[i].color);
        text(s, span, support[i].label);
    }
    text(s, p, " Not in the article: ");
    el_text(s, p, "mark", "u-word", "word");
    el_text(s, p, "mark", "u-name", "name");
    el_text(s, p, "mark", "u-num", "number");
    el_text(s, p, "mark", "u-date", "date");
    el_text(s, p, "mark", "flag", "finding");
}

/* One summary sentence: its text with the unsupported tokens and the
 * findings' spans marked, its support, links to its aligned article
 * sentences and to its findings. */
static void put_summary_sentence(html_state *s, const sc_render_options *o, xmlNodePtr list,
                                 const sc_result *r, size_t doc, size_t si, mark *marks)
{
    const sc_analysis *sum = &r->summary;
    const sc_sentence *st = &sum->sentences[si];
    const sc_sentence_alignment *al =
        si < r->alignment.n_sentences ? &r->alignment.sentences[si] : NULL;
    double support = al != NULL ? al->support : 0;
    char cls[16];
    snprintf(cls, sizeof cls, "sent %s", support_class(support));
    xmlNodePtr li = el(s, list, "li", cls);
    attr(s, li, "id", anchor_of(doc, 's', si).id);
    size_t n = 0;
    for (size_t k = st->tok_begin; al != NULL && al->token_supported != NULL && k < st->tok_end;
         k++) {
        const sc_token *t = &sum->tokens[k];
        if (al->token_supported[k - st->tok_begin] || t->kind == SC_TOK_PUNCT)
            continue;
        const char *c = token_class(t);
        /* "Joe Biden" is one mark, not two with a gap. */
        if (n > 0 && strcmp(marks[n - 1].cls, c) == 0) {
            bool gap = true;
            for (size_t b = marks[n - 1].end; b < t->start && gap; b++)
                gap = sum->text->data[b] == ' ';
            if (gap) {
                marks[n - 1].end = t->end;
                continue;
            }
        }
        marks[n++] = (mark){t->start, t->end, c, NO_FINDING};
    }
    for (size_t i = 0; i < r->n_findings; i++) {
        size_t start, end;
        /* Only findings the report shows: not filtered out by
         * --min-severity, not suppressed, not in the baseline. */
        if (sc_report_shows(o, &r->findings[i]) &&
            span_in(sum, r->findings[i].summary_span, &start, &end) && start < st->end &&
            end > st->start)
            marks[n++] = (mark){start, end, severity_flag(r->findings[i].severity), i};
    }
    xmlNodePtr body = el(s, li, "div", "stext");
    put_marked(s, body, r, doc, sum->text->data, st->start, st->end, marks, n);
    xmlNodePtr meta = el(s, li, "div", "smeta");
    xmlNodePtr sup = el(s, meta, "span", "support");
    textf(s, sup, "support %.2f", support);
    if (al != NULL)
        attrf(s, sup, "title", "coverage %.2f, bigrams %.2f, names and numbers %.2f", al->coverage,
              al->bigram, al->entity_agreement);
    text(s, meta, " \xC2\xB7 ");
    if (al == NULL || al->n_aligned == 0) {
        text(s, meta, "no supporting article sentence");
    } else {
        text(s, meta, "aligned with ");
        for (size_t a = 0; a < al->n_aligned; a++) {
            char label[40];
            snprintf(label, sizeof label, "article sentence %zu", al->aligned[a] + 1);
            if (a > 0)
                text(s, meta, ", ");
            link_to(s, meta, anchor_of(doc, 'a', al->aligned[a]).id, label);
        }
    }
    bool first = true;
    for (size_t i = 0; i < r->n_findings; i++) {
        size_t start, end;
        if (!span_in(sum, r->findings[i].summary_span, &start, &end) ||
            sentence_at(sum, start) != si)
            continue;
        text(s, meta, first ? " \xC2\xB7 findings: " : ", ");
        first = false;
        link_to(s, meta, anchor_of(doc, 'f', i).id, r->findings[i].rule);
    }
}

static void put_summary(html_state *s, const sc_render_options *o, xmlNodePtr col,
                        const sc_result *r, size_t doc)
{
    el_text(s, col, "h3", NULL, "Summary");
    if (!r->page.has_summary) {
        el_text(s, col, "p", "empty", "No summary on this page: there is nothing to check.");
        return;
    }
    const sc_analysis *sum = &r->summary;
    if (sum->n_sentences == 0) {
        el_text(s, col, "p", "empty", "The summary is empty.");
        return;
    }
    put_legend(s, col);
    size_t most = 0;
    for (size_t si = 0; si < sum->n_sentences; si++) {
        size_t n = sum->sentences[si].tok_end - sum->sentences[si].tok_begin;
        most = n > most ? n : most;
    }
    if (most > SIZE_MAX / sizeof(mark) - r->n_findings) {
        s->failed = true;
        return;
    }
    mark *marks = malloc((most + r->n_findings + 1) * sizeof *marks);
    if (marks == NULL) {
        s->failed = true;
        return;
    }
    xmlNodePtr list = el(s, col, "ol", "sentences");
    if (r->language != NULL && strcmp(r->language, "und") != 0)
        attr(s, list, "lang", r->language);
    for (size_t si = 0; si < sum->n_sentences; si++)
        put_summary_sentence(s, o, list, r, doc, si, marks);
    free(marks);
}

/* The article, sentence by sentence: those aligned with a summary sentence
 * highlighted and linked back to it, the findings' source spans marked. */
static void put_article(html_state *s, const sc_render_options *o, xmlNodePtr col,
                        const sc_result *r, size_t doc)
{
    el_text(s, col, "h3", NULL, "Article");
    const sc_analysis *art = &r->article;
    if (art->text == NULL || art->text->len == 0) {
        el_text(s, col, "p", "empty", "No article text was found.");
        return;
    }
    size_t n_sent = art->n_sentences, n_links = 0;
    for (size_t si = 0; si < r->alignment.n_sentences; si++)
        n_links += r->alignment.sentences[si].n_aligned;
    /* Back links per article sentence, as lists threaded through arrays. */
    size_t *head = malloc((n_sent + 1) * sizeof *head);
    size_t *next = malloc((n_links + 1) * sizeof *next);
    size_t *from = malloc((n_links + 1) * sizeof *from);
    mark *marks = malloc((r->n_findings + 1) * sizeof *marks);
    if (head == NULL || next == NULL || from == NULL || marks == NULL) {
        free(head);
        free(next);
        free(from);
        free(marks);
        s->failed = true;
        return;
    }
    for (size_t i = 0; i < n_sent; i++)
        head[i] = NO_FINDING;
    size_t l = 0;
    for (size_t si = r->alignment.n_sentences; si-- > 0;) {
        const sc_sentence_alignment *al = &r->alignment.sentences[si];
        for (size_t a = 0; a < al->n_aligned; a++)
            if (al->aligned[a] < n_sent) {
                from[l] = si;
                next[l] = head[al->aligned[a]];
                head[al->aligned[a]] = l++;
            }
    }
    size_t n_marks = 0;
    for (size_t i = 0; i < r->n_findings; i++) {
        size_t start, end;
        if (sc_report_shows(o, &r->findings[i]) &&
            span_in(art, r->findings[i].source_span, &start, &end) && end > start)
            marks[n_marks++] = (mark){start, end, "src", i};
    }
    xmlNodePtr box = el(s, col, "div", "article");
    if (r->language != NULL && strcmp(r->language, "und") != 0)
        attr(s, box, "lang", r->language);
    /* pre-wrap on an inline element: the serializer's line breaks around
     * block children would otherwise show as blank lines. */
    xmlNodePtr pw = el(s, box, "span", "pw");
    const char *data = art->text->data;
    size_t pos = 0;
    for (size_t i = 0; i < n_sent; i++) {
        const sc_sentence *st = &art->sentences[i];
        if (st->start < pos || st->end > art->text->len)
            continue;
        put_marked(s, pw, r, doc, data, pos, st->start, marks, n_marks);
        xmlNodePtr span = el(s, pw, "span", head[i] != NO_FINDING ? "as al" : "as");
        attr(s, span, "id", anchor_of(doc, 'a', i).id);
        put_marked(s, span, r, doc, data, st->start, st->end, marks, n_marks);
        if (head[i] != NO_FINDING) {
            xmlNodePtr sup = el(s, span, "sup", "back");
            for (size_t k = head[i]; k != NO_FINDING; k = next[k]) {
                char label[32];
                snprintf(label, sizeof label, "S%zu", from[k] + 1);
                xmlNodePtr a = link_to(s, sup, anchor_of(doc, 's', from[k]).id, label);
                attrf(s, a, "title", "supports summary sentence %zu", from[k] + 1);
            }
        }
        pos = st->end;
    }
    put_marked(s, pw, r, doc, data, pos, art->text->len, marks, n_marks);
    free(head);
    free(next);
    free(from);
    free(marks);
}

/* ------------------------------------------------------------ documents */

/* Findings of severity sev the report shows: listed, neither suppressed
 * nor in the baseline (those are counted apart). */
static size_t count_severity(const sc_render_options *o, const sc_result *r, sc_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_findings; i++)
        n += r->findings[i].severity == sev && sc_report_shows(o, &r->findings[i]);
    return n;
}

static void put_count(html_state *s, xmlNodePtr parent, size_t n, const char *what)
{
    char t[48], cls[32];
    snprintf(t, sizeof t, "%zu %s%s", n, what, n == 1 ? "" : "s");
    snprintf(cls, sizeof cls, n > 0 ? "count %s" : "count", what);
    el_text(s, parent, "span", cls, t);
}

/* "FAIL" for "fail": ASCII only, as the verdicts are. */
typedef struct word {
    char text[16];
} word;

static word upper(const char *w)
{
    word u;
    size_t i = 0;
    for (; w[i] != '\0' && i + 1 < sizeof u.text; i++)
        u.text[i] = w[i] >= 'a' && w[i] <= 'z' ? (char)(w[i] - 'a' + 'A') : w[i];
    u.text[i] = '\0';
    return u;
}

/* A row of the batch index. */
static void index_row(html_state *s, const sc_render_options *o, size_t doc, const char *id,
                      const char *verdict, const sc_result *r)
{
    xmlNodePtr tr = el(s, s->index_rows, "tr", NULL);
    xmlNodePtr td = el(s, tr, "td", NULL);
    link_to(s, td, anchor_of(doc, 0, 0).id, id);
    char cls[24];
    snprintf(cls, sizeof cls, "v-%s", verdict);
    el_text(s, tr, "td", cls, upper(verdict).text);
    td = el(s, tr, "td", "num");
    if (r != NULL && r->page.has_summary) {
        textf(s, td, "%.2f", r->consistency);
        attrf(s, td, "data-v", "%.4f", r->consistency);
    } else {
        text(s, td, "\xE2\x80\x94");
        attr(s, td, "data-v", "-1");
    }
    sc_severity sevs[3] = {SC_SEVERITY_ERROR, SC_SEVERITY_WARNING, SC_SEVERITY_NOTE};
    for (int i = 0; i < 3; i++) {
        td = el(s, tr, "td", "num");
        if (r != NULL) {
            textf(s, td, "%zu", count_severity(o, r, sevs[i]));
        } else {
            text(s, td, "\xE2\x80\x94");
            attr(s, td, "data-v", "-1");
        }
    }
}

static sc_status html_begin(void *state, const sc_render_options *o, sc_buf *out)
{
    html_state *s = state;
    (void)out;
    sc_buf_init(&s->clean);
    sc_buf_init(&s->scratch);
    sc_xml_quiet();
    s->doc = htmlNewDocNoDtD(NULL, NULL);
    if (s->doc == NULL || xmlCreateIntSubset(s->doc, (const xmlChar *)"html", NULL, NULL) == NULL)
        return SC_ERR_NOMEM;
    xmlNodePtr root = xmlNewDocNode(s->doc, NULL, (const xmlChar *)"html", NULL);
    if (root == NULL)
        return SC_ERR_NOMEM;
    xmlDocSetRootElement(s->doc, root);
    attr(s, root, "lang", "en");
    s->head = el(s, root, "head", NULL);
    /* The serializer takes its output encoding from this meta: without it,
     * every non-ASCII character would become an entity. */
    xmlNodePtr meta = el(s, s->head, "meta", NULL);
    attr(s, meta, "http-equiv", "Content-Type");
    attr(s, meta, "content", "text/html; charset=utf-8");
    meta = el(s, s->head, "meta", NULL);
    attr(s, meta, "name", "viewport");
    attr(s, meta, "content", "width=device-width, initial-scale=1");
    xmlNodePtr css = el(s, s->head, "style", NULL);
    for (size_t i = 0; i < sizeof style / sizeof style[0]; i++)
        text(s, css, style[i]);
    s->body = el(s, root, "body", NULL);
    xmlNodePtr header = el(s, s->body, "header", NULL);
    el_text(s, header, "h1", NULL, "sumcheck report");
    s->run_line = el(s, header, "p", "run");
    s->index = el(s, s->body, "section", "batch");
    attr(s, s->index, "id", "index");
    el_text(s, s->index, "h2", NULL, "Documents");
    el_text(s, s->index, "p", "hint", "Click a column header to sort.");
    xmlNodePtr table = el(s, s->index, "table", "index sortable");
    xmlNodePtr tr = el(s, el(s, table, "thead", NULL), "tr", NULL);
    static const struct {
        const char *label, *type;
    } columns[] = {{"document", "text"}, {"verdict", "text"}, {"consistency", "num"},
                   {"errors", "num"},    {"warnings", "num"}, {"notes", "num"}};
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++) {
        xmlNodePtr th = el_text(s, tr, "th", NULL, columns[i].label);
        attr(s, th, "data-type", columns[i].type);
        attr(s, th, "scope", "col");
    }
    s->index_rows = el(s, table, "tbody", NULL);
    (void)o;
    return s->failed ? SC_ERR_NOMEM : SC_OK;
}

/* The section of a document: its heading, verdict and counts. */
static xmlNodePtr open_section(html_state *s, size_t doc, const char *id, const char *verdict)
{
    xmlNodePtr section = el(s, s->body, "section", "doc");
    attr(s, section, "id", anchor_of(doc, 0, 0).id);
    el_text(s, section, "h2", NULL, id);
    xmlNodePtr bar = el(s, section, "div", "verdict-bar");
    char cls[24];
    snprintf(cls, sizeof cls, "verdict %s", verdict);
    el_text(s, bar, "span", cls, upper(verdict).text);
    return section;
}

static void remember_first(html_state *s, const char *id)
{
    if (s->documents == 1) {
        size_t n = strlen(id) + 1;
        char *copy = malloc(n);
        if (copy != NULL)
            memcpy(copy, id, n);
        s->first_id = copy;
    }
}

static sc_status html_document(void *state, const sc_render_options *o, const sc_result *r,
                               sc_buf *out)
{
    html_state *s = state;
    (void)out;
    if (s->body == NULL)
        return SC_ERR_NOMEM;
    size_t doc = ++s->documents;
    remember_first(s, r->id);
    /* The verdict counts what the gate counts: suppressed findings and
     * those in the baseline do not fail a document. */
    size_t gated = 0, suppressed = 0, known = 0;
    for (size_t i = 0; i < r->n_findings; i++) {
        const sc_finding *f = &r->findings[i];
        gated += sc_report_gates(o, f);
        if (sc_report_lists(o, f)) {
            suppressed += f->suppressed != NULL;
            known += f->suppressed == NULL && f->in_baseline;
        }
    }
    s->suppressed += suppressed;
    s->in_baseline += known;
    const char *verdict = gated > 0 ? "fail" : "pass";
    s->failed_documents += gated > 0;
    index_row(s, o, doc, r->id, verdict, r);
    xmlNodePtr section = open_section(s, doc, r->id, verdict);
    xmlNodePtr bar = section != NULL ? xmlGetLastChild(section) : NULL;
    put_count(s, bar, count_severity(o, r, SC_SEVERITY_ERROR), "error");
    put_count(s, bar, count_severity(o, r, SC_SEVERITY_WARNING), "warning");
    put_count(s, bar, count_severity(o, r, SC_SEVERITY_NOTE), "note");
    if (suppressed > 0)
        textf(s, el(s, bar, "span", "count"), "%zu suppressed", suppressed);
    if (known > 0)
        textf(s, el(s, bar, "span", "count"), "%zu in the baseline", known);
    xmlNodePtr c = el(s, bar, "span", NULL);
    if (r->page.has_summary)
        textf(s, c, "consistency %.2f", r->consistency);
    else
        text(s, c, "no summary to check");
    if (o->fail_on != 0)
        textf(s, el(s, bar, "span", "where"), "gate: %zu finding%s at or above %s", gated,
              gated == 1 ? "" : "s", sc_severity_name(o->fail_on));
    else
        text(s, el(s, bar, "span", "where"), "gate: never fails");
    xmlNodePtr facts = el(s, section, "p", "facts");
    textf(s, el(s, facts, "span", NULL), "language %s", r->language);
    if (r->page.has_page_date) {
        char d[11];
        sc_date_format(r->page.page_date, d);
        textf(s, el(s, facts, "span", NULL), "page date %s", d);
    }
    if (r->has_inferred_date) {
        char d[11];
        sc_date_format(r->inferred_date, d);
        textf(s, el(s, facts, "span", NULL), "inferred date %s", d);
    }
    if (r->page.title != NULL) {
        xmlNodePtr t = el(s, facts, "span", NULL);
        text(s, t, "title ");
        el_text(s, t, "q", NULL, quoted(s, r->page.title, strlen(r->page.title)));
    }
    put_findings(s, o, section, r, doc);
    put_timeline(s, section, r, doc);
    xmlNodePtr cols = el(s, section, "div", "cols");
    put_summary(s, o, el(s, cols, "div", "col summary"), r, doc);
    put_article(s, o, el(s, cols, "div", "col article-col"), r, doc);
    return s->failed ? SC_ERR_NOMEM : SC_OK;
}

static sc_status html_error(void *state, const sc_render_options *o, const char *id,
                            const sc_error *error, sc_buf *out)
{
    html_state *s = state;
    (void)out;
    if (s->body == NULL)
        return SC_ERR_NOMEM;
    id = id != NULL ? id : "-";
    size_t doc = ++s->documents;
    remember_first(s, id);
    s->unreadable++;
    index_row(s, o, doc, id, "unreadable", NULL);
    xmlNodePtr section = open_section(s, doc, id, "unreadable");
    xmlNodePtr p = el(s, section, "p", "msg");
    text(s, p, "This input could not be read: ");
    text(s, p, error->message != NULL ? error->message : "error");
    if (error->path[0] != '\0') {
        text(s, p, " at ");
        el_text(s, p, "code", NULL, error->path);
    }
    if (error->line > 0)
        textf(s, p, " (line %zu, column %zu)", error->line, error->column);
    else if (error->byte != SC_NO_POS)
        textf(s, p, " (byte %zu)", error->byte);
    if (error->detail[0] != '\0') {
        text(s, p, ": ");
        text(s, p, error->detail);
    }
    text(s, p, ". It was not checked.");
    return s->failed ? SC_ERR_NOMEM : SC_OK;
}

static sc_status html_baseline(void *state, const sc_render_options *o,
                               const sc_baseline_entry *stale, size_t n_stale)
{
    html_state *s = state;
    (void)o;
    s->baseline_used = true;
    if (n_stale == 0)
        return SC_OK;
    /* The entries and their strings in one block, freed at release. */
    size_t bytes = n_stale * sizeof *stale;
    for (size_t i = 0; i < n_stale; i++) {
        const char *parts[4] = {stale[i].fingerprint, stale[i].rule, stale[i].id, stale[i].text};
        for (int k = 0; k < 4; k++)
            bytes += parts[k] != NULL ? strlen(parts[k]) + 1 : 0;
    }
    sc_baseline_entry *copy = malloc(bytes);
    if (copy == NULL)
        return SC_ERR_NOMEM;
    char *p = (char *)(copy + n_stale);
    for (size_t i = 0; i < n_stale; i++) {
        const char *parts[4] = {stale[i].fingerprint, stale[i].rule, stale[i].id, stale[i].text};
        const char *dup[4] = {NULL, NULL, NULL, NULL};
        for (int k = 0; k < 4; k++) {
            if (parts[k] == NULL)
                continue;
            size_t n = strlen(parts[k]) + 1;
            memcpy(p, parts[k], n);
            dup[k] = p;
            p += n;
        }
        copy[i] = (sc_baseline_entry){dup[0], dup[1], dup[2], dup[3]};
    }
    free(s->stale);
    s->stale = copy;
    s->n_stale = n_stale;
    return SC_OK;
}

/* Baseline entries no finding matched any more: fixed, or the page
 * changed; the baseline can be rewritten without them. */
static void put_stale(html_state *s)
{
    if (!s->baseline_used || s->n_stale == 0)
        return;
    xmlNodePtr section = el(s, s->body, "section", "doc stale");
    attr(s, section, "id", "stale");
    char heading[64];
    snprintf(heading, sizeof heading, "Baseline entries no longer found (%zu)", s->n_stale);
    el_text(s, section, "h2", NULL, heading);
    xmlNodePtr list = el(s, section, "ol", "findings");
    for (size_t i = 0; i < s->n_stale; i++) {
        const sc_baseline_entry *e = &s->stale[i];
        xmlNodePtr li = el(s, list, "li", "finding note known");
        xmlNodePtr head = el(s, li, "div", "fhead");
        el_text(s, head, "span", "sev", "stale");
        el_text(s, head, "code", "rule", e->rule != NULL ? e->rule : "");
        textf(s, el(s, head, "span", "where"), "%s \xC2\xB7 %s", e->id != NULL ? e->id : "",
              e->fingerprint != NULL ? e->fingerprint : "");
        if (e->text != NULL) {
            xmlNodePtr p = el(s, li, "p", "quote");
            el_text(s, p, "q", NULL, quoted(s, e->text, strlen(e->text)));
        }
    }
}

static sc_status html_finish(void *state, const sc_render_options *o, sc_buf *out)
{
    html_state *s = state;
    if (s->body == NULL)
        return SC_ERR_NOMEM;
    el_text(s, s->head, "title", NULL,
            s->documents == 1 && s->first_id != NULL ? s->first_id : "sumcheck report");
    /* <title> belongs before the style; the serializer keeps tree order. */
    xmlNodePtr title = s->head != NULL ? xmlGetLastChild(s->head) : NULL;
    xmlNodePtr first = s->head != NULL ? xmlFirstElementChild(s->head) : NULL;
    if (title != NULL && first != NULL && first != title)
        xmlAddNextSibling(first, title);
    textf(s, s->run_line, "%zu document%s: %zu failed, %zu passed", s->documents,
          s->documents == 1 ? "" : "s", s->failed_documents,
          s->documents - s->failed_documents - s->unreadable);
    if (s->unreadable > 0)
        textf(s, s->run_line, ", %zu unreadable", s->unreadable);
    if (s->suppressed > 0 || s->in_baseline > 0)
        textf(s, s->run_line, " \xC2\xB7 %zu finding%s suppressed, %zu in the baseline",
              s->suppressed, s->suppressed == 1 ? "" : "s", s->in_baseline);
    put_stale(s);
    if (o->fail_on != 0)
        textf(s, s->run_line, " \xC2\xB7 gate: a finding at or above %s fails a document",
              sc_severity_name(o->fail_on));
    else
        text(s, s->run_line, " \xC2\xB7 gate: never fails");
    if (s->documents > 1) {
        el_text(s, s->body, "script", NULL, script);
    } else if (s->index != NULL) {
        xmlUnlinkNode(s->index);
        xmlFreeNode(s->index);
        s->index = NULL;
        s->index_rows = NULL;
    }
    xmlNodePtr footer = el(s, s->body, "footer", NULL);
    textf(s, footer, "sumcheck %s", SC_VERSION);
    if (s->failed)
        return SC_ERR_NOMEM;
    xmlChar *mem = NULL;
    int size = 0;
    htmlDocDumpMemoryFormat(s->doc, &mem, &size, 1);
    if (mem == NULL || size < 0) {
        xmlFree(mem);
        return SC_ERR_NOMEM;
    }
    sc_buf_append(out, (const char *)mem, (size_t)size);
    xmlFree(mem);
    return out->failed ? SC_ERR_NOMEM : SC_OK;
}

static void html_release(void *state)
{
    html_state *s = state;
    if (s->doc != NULL)
        xmlFreeDoc(s->doc);
    free(s->first_id);
    free(s->stale);
    sc_buf_release(&s->clean);
    sc_buf_release(&s->scratch);
    /* libxml2 keeps a copy of its last error (out of memory, say) until the
     * next one: drop it, so a failed report leaves nothing allocated. */
    xmlResetLastError();
}

const sc_writer sc_writer_html = {
    .format = SC_REPORT_HTML,
    .state_size = sizeof(html_state),
    .begin = html_begin,
    .document = html_document,
    .error = html_error,
    .finish = html_finish,
    .release = html_release,
    .baseline = html_baseline,
};
