#include "jbuild.h"

#include <math.h>
#include <string.h>

#include "report.h"
#include "text/text.h"

void sc_jb_init(sc_jb *b)
{
    b->failed = false;
    sc_position_cache_init(&b->positions);
}

json_t *sc_jb_check(sc_jb *b, json_t *v)
{
    if (v == NULL)
        b->failed = true;
    return v;
}

void sc_jb_set(sc_jb *b, json_t *obj, const char *key, json_t *value)
{
    if (obj == NULL || value == NULL || json_object_set_new(obj, key, value) != 0) {
        if (obj == NULL)
            json_decref(value);
        b->failed = true;
    }
}

void sc_jb_append(sc_jb *b, json_t *arr, json_t *value)
{
    if (arr == NULL || value == NULL || json_array_append_new(arr, value) != 0) {
        if (arr == NULL)
            json_decref(value);
        b->failed = true;
    }
}

json_t *sc_jb_number(sc_jb *b, double x)
{
    if (!isfinite(x))
        return sc_jb_check(b, json_null());
    double r = round(x * 10000.0) / 10000.0;
    if (r == 0)
        r = 0; /* no "-0.0" */
    return sc_jb_check(b, json_real(r));
}

json_t *sc_jb_string_n(sc_jb *b, const char *s, size_t n)
{
    size_t bad;
    if (sc_utf8_valid(s, n, &bad))
        return sc_jb_check(b, json_stringn(s, n));
    sc_buf clean;
    sc_buf_init(&clean);
    sc_report_clean(s, n, false, &clean);
    json_t *v = clean.failed ? NULL : json_stringn(clean.data != NULL ? clean.data : "", clean.len);
    sc_buf_release(&clean);
    return sc_jb_check(b, v);
}

json_t *sc_jb_text(sc_jb *b, const char *s)
{
    return sc_jb_string_n(b, s, strlen(s));
}

json_t *sc_jb_evidence(sc_jb *b, const sc_evidence *e)
{
    json_t *o = sc_jb_check(b, json_object());
    for (; o != NULL && e != NULL; e = e->next) {
        json_t *v = NULL;
        switch (e->type) {
        case SC_EV_STRING:
            v = sc_jb_text(b, e->string);
            break;
        case SC_EV_NUMBER:
            v = sc_jb_number(b, e->number);
            break;
        case SC_EV_INTEGER:
            v = sc_jb_check(b, json_integer((json_int_t)e->integer));
            break;
        case SC_EV_BOOL:
            v = sc_jb_check(b, json_boolean(e->integer != 0));
            break;
        case SC_EV_STRINGS:
            v = sc_jb_check(b, json_array());
            for (size_t i = 0; v != NULL && i < e->n_items; i++)
                sc_jb_append(b, v, sc_jb_text(b, e->strings[i]));
            break;
        case SC_EV_NUMBERS:
            v = sc_jb_check(b, json_array());
            for (size_t i = 0; v != NULL && i < e->n_items; i++)
                sc_jb_append(b, v, sc_jb_number(b, e->numbers[i]));
            break;
        }
        sc_jb_set(b, o, e->key, v);
    }
    return o;
}
