/* Silences libxml2's own error printing on the calling thread. */
#ifndef SC_CORE_XML_QUIET_H
#define SC_CORE_XML_QUIET_H

void sc_xml_quiet(void);

#endif
