/* Initialises libxml2 once per process (thread-safe) and silences its own
 * error printing on the calling thread.  Call before any libxml2 call. */
#ifndef SC_CORE_XML_QUIET_H
#define SC_CORE_XML_QUIET_H

void sc_xml_quiet(void);

#endif
