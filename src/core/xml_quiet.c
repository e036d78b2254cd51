/* Every entry into libxml2 goes through sc_xml_quiet().
 *
 * libxml2's xmlInitParser() is not reentrant: when two threads make their
 * first libxml2 call at once, both set up its global mutexes and one set
 * leaks (seen as a LeakSanitizer report in a batch of HTML pages with
 * several workers).  It runs here once, under pthread_once, before any
 * other libxml2 call of any thread.
 *
 * libxml2 also reports some errors (out of memory among them) through its
 * generic error handler, which prints to stderr by default; the library
 * never prints, so every entry first sets a silent handler.  libxml2 keeps
 * its handlers per thread, so this is thread-safe. */
#include <pthread.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "xml_quiet.h"

static void silent(void *context, const char *message, ...)
{
    (void)context;
    (void)message;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
    xmlInitParser();
}

void sc_xml_quiet(void)
{
    pthread_once(&init_once, init_libxml);
    xmlSetGenericErrorFunc(NULL, silent);
    xmlSetStructuredErrorFunc(NULL, NULL);
}
