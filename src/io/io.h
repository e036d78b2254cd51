/* Readers: input bytes to a page (blocks with roles and spans, the summary
 * and article texts, the page's metadata). */
#ifndef SC_IO_IO_H
#define SC_IO_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/doc.h"

/* Fills *error (when not NULL) and returns code. */
sc_status sc_fail(sc_error *error, sc_status code, const char *message, size_t byte,
                  const char *path);

/* Same, with the line and column of byte in text[0..len). */
sc_status sc_fail_at(sc_error *error, sc_status code, const char *message, const char *text,
                     size_t len, size_t byte);

/* A scraped page's text (DESIGN.md, "The seed page"). */
sc_status sc_read_text_page(sc_arena *arena, const char *input, size_t len, sc_page *page,
                            sc_error *error);

/* One JSON pair {"id", "source", "summary", "page_date"?, "title"?,
 * "language"?}; other members are ignored. */
sc_status sc_read_json_pair(sc_arena *arena, const char *input, size_t len, sc_page *page,
                            sc_error *error);

/* An HTML page (libxml2's HTML parser): its dates, title, AI summary block
 * with its disclaimer, and article; the summary and the article become
 * texts of their own (fields summary and source), page-level blocks point
 * at the HTML input, which the page keeps a copy of. */
sc_status sc_read_html_page(sc_arena *arena, const char *input, size_t len, sc_page *page,
                            sc_error *error);

/* The same, with the user's selectors for the summary block and the
 * article's container (each an XPath or a simple CSS selector, or NULL to
 * find them); a selector that picks nothing leaves the finding to the
 * reader. */
sc_status sc_read_html_page_with(sc_arena *arena, const char *input, size_t len,
                                 const char *summary_selector, const char *article_selector,
                                 sc_page *page, sc_error *error);

/* True when the selector is an XPath expression libxml2 compiles, or a
 * simple CSS selector (tag, .class, #id, compounds, descendant and child
 * combinators).  Thread-safe. */
bool sc_html_selector_valid(const char *selector);

/* Adds a block to the page. */
sc_status sc_page_add_block(sc_arena *arena, sc_page *page, sc_role role, sc_field field,
                            size_t start, size_t end);

/* page_parts.c: the parts of a page both readers find in a paragraph
 * s[0..len). */

/* True when the text holds an AI disclaimer phrase of any language.  The
 * text is folded whole: callers bound its length. */
bool sc_part_has_disclaimer(sc_arena *arena, const char *s, size_t len);

/* Whether a text folded as sc_normalize folds it holds a disclaimer phrase
 * of any language. */
bool sc_disclaimer_phrase_in(const char *folded);

/* The byte just after the dateline's dash ("MOSKOW, Rusia – "), or 0. */
size_t sc_part_dateline_end(const char *s, size_t len);

/* Where the paragraph's closing credit starts (its dash, or 0 for a
 * paragraph that is only a credit), or SIZE_MAX. */
size_t sc_part_credit_start(const char *s, size_t len);

#endif
