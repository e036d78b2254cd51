/* libxml2 reports some errors (out of memory among them) through its
 * generic error handler, which prints to stderr by default; the library
 * never prints, so every entry into libxml2 first sets a silent handler.
 * libxml2 keeps its handlers per thread, so this is thread-safe. */
#include <libxml/xmlerror.h>

#include "xml_quiet.h"

static void silent(void *context, const char *message, ...)
{
    (void)context;
    (void)message;
}

void sc_xml_quiet(void)
{
    xmlSetGenericErrorFunc(NULL, silent);
    xmlSetStructuredErrorFunc(NULL, NULL);
}
