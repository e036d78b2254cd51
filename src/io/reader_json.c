/* The JSON pair reader (Jansson).  A pair is one object with string members
 * "source" and "summary" and optional "id", "page_date" (YYYY-MM-DD),
 * "title" and "language"; other members are ignored, so corpus files with
 * labels and metadata read as they are. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "io.h"
#include "core/limits.h"
#include "text/text.h"
#include "time/date.h"

static sc_status optional_string(json_t *root, const char *key, const char **out, size_t *len,
                                 sc_arena *arena, sc_error *error, const char *path)
{
    json_t *v = json_object_get(root, key);
    *out = NULL;
    if (v == NULL || json_is_null(v))
        return SC_OK;
    if (!json_is_string(v))
        return sc_fail(error, SC_ERR_INPUT, "expected a string", SC_NO_POS, path);
    size_t n = json_string_length(v);
    char *copy = sc_arena_strndup(arena, json_string_value(v), n);
    if (copy == NULL)
        return sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, path);
    if (memchr(copy, '\0', n) != NULL)
        return sc_fail(error, SC_ERR_INPUT, "string contains a NUL character", SC_NO_POS, path);
    *out = copy;
    if (len != NULL)
        *len = n;
    return SC_OK;
}

sc_status sc_read_json_pair(sc_arena *arena, const char *input, size_t len, sc_page *page,
                            sc_error *error)
{
    json_error_t jerr;
    /* A byte-order mark is not JSON, but editors write one. */
    size_t skip = len >= 3 && memcmp(input, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    json_t *root = json_loadb(input + skip, len - skip,
                              JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL | JSON_DECODE_ANY, &jerr);
    if (root == NULL) {
        /* Jansson's position counts the bytes it read, the offending one
         * included; point at that byte, and count line:column from it so
         * the two agree. */
        size_t at = (size_t)jerr.position + skip;
        if (at > len)
            at = len;
        else if (at < len && at > skip)
            at--;
        sc_fail_at(error, SC_ERR_INPUT, "invalid JSON", input, len, at);
        if (error != NULL) {
            /* Jansson's text says what it expected ("'}' expected near end
             * of file"). */
            size_t n = strlen(jerr.text);
            if (n >= sizeof error->detail)
                n = sizeof error->detail - 1;
            memcpy(error->detail, jerr.text, n);
            error->detail[n] = '\0';
            error->message = "invalid JSON";
        }
        return SC_ERR_INPUT;
    }
    sc_status st = SC_OK;
    if (!json_is_object(root)) {
        st = sc_fail(error, SC_ERR_INPUT, "expected a JSON object", 0, "$");
        goto done;
    }
    const char *source, *summary, *id, *date, *title, *language;
    size_t source_len = 0, summary_len = 0;
    if ((st = optional_string(root, "source", &source, &source_len, arena, error, "$.source")) ||
        (st =
             optional_string(root, "summary", &summary, &summary_len, arena, error, "$.summary")) ||
        (st = optional_string(root, "page_date", &date, NULL, arena, error, "$.page_date")) ||
        (st = optional_string(root, "title", &title, NULL, arena, error, "$.title")) ||
        (st = optional_string(root, "language", &language, NULL, arena, error, "$.language")))
        goto done;
    json_t *jid = json_object_get(root, "id");
    id = NULL;
    if (json_is_string(jid)) {
        if ((st = optional_string(root, "id", &id, NULL, arena, error, "$.id")) != SC_OK)
            goto done;
    } else if (json_is_integer(jid)) {
        char *buf = sc_arena_alloc(arena, 32);
        if (buf == NULL) {
            st = sc_fail(error, SC_ERR_NOMEM, "out of memory", SC_NO_POS, "$.id");
            goto done;
        }
        snprintf(buf, 32, "%" JSON_INTEGER_FORMAT, json_integer_value(jid));
        id = buf;
    } else if (jid != NULL && !json_is_null(jid)) {
        st = sc_fail(error, SC_ERR_INPUT, "expected a string or an integer", SC_NO_POS, "$.id");
        goto done;
    }
    if (source == NULL) {
        st = sc_fail(error, SC_ERR_INPUT, "missing member \"source\" (the article)", SC_NO_POS,
                     "$.source");
        goto done;
    }
    if (summary == NULL) {
        st = sc_fail(error, SC_ERR_INPUT, "missing member \"summary\"", SC_NO_POS, "$.summary");
        goto done;
    }
    bool blank = true;
    for (size_t i = 0; i < source_len && blank; i++)
        blank = source[i] == ' ' || source[i] == '\t' || source[i] == '\n' || source[i] == '\r';
    if (blank) {
        st = sc_fail(error, SC_ERR_INPUT, "the article (source) is empty", SC_NO_POS, "$.source");
        goto done;
    }
    if (source_len > SC_MAX_INPUT_BYTES || summary_len > SC_MAX_INPUT_BYTES) {
        st = sc_fail(error, SC_ERR_LIMIT, "text longer than the input limit", SC_NO_POS, "$");
        goto done;
    }
    if (date != NULL) {
        if (!sc_date_parse_iso(date, strlen(date), &page->page_date)) {
            st = sc_fail(error, SC_ERR_INPUT, "expected a date as YYYY-MM-DD", SC_NO_POS,
                         "$.page_date");
            goto done;
        }
        page->has_page_date = true;
        page->page_date_origin = "pair page_date";
        page->page_date_text = date;
    }
    page->id = id;
    page->title = title;
    page->language = language;
    page->field_data[SC_FIELD_SUMMARY] = summary;
    page->field_len[SC_FIELD_SUMMARY] = summary_len;
    page->field_data[SC_FIELD_SOURCE] = source;
    page->field_len[SC_FIELD_SOURCE] = source_len;
    page->has_summary = true;
    page->summary = (sc_text){SC_FIELD_SUMMARY, 0, summary, summary_len};
    page->article = (sc_text){SC_FIELD_SOURCE, 0, source, source_len};
    if ((st = sc_page_add_block(arena, page, SC_ROLE_SUMMARY, SC_FIELD_SUMMARY, 0, summary_len)) ||
        (st = sc_page_add_block(arena, page, SC_ROLE_BODY, SC_FIELD_SOURCE, 0, source_len)))
        sc_fail(error, st, "out of memory", SC_NO_POS, NULL);
done:
    json_decref(root);
    return st;
}
