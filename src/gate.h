/* The gate's part of sc_check (gate.c): rule settings, fingerprints,
 * suppressions and the baseline. */
#ifndef SC_GATE_H
#define SC_GATE_H

#include "core/doc.h"

/* The rule settings, min_support, suppressions and baseline of options:
 * SC_OK, or SC_ERR_OPTION with *error saying which (error may be NULL). */
sc_status sc_gate_validate(const sc_options *options, sc_error *error);

/* disabled[i] (SC_MAX_RULES entries): whether options turn sc_rules[i]
 * off. */
void sc_gate_disabled(const sc_options *options, bool *disabled);

/* After the rules: severity overrides, every finding's fingerprint, the
 * suppression it matches, whether the baseline has it.  SC_OK or
 * SC_ERR_NOMEM. */
sc_status sc_gate_apply(sc_result *result, const sc_options *options);

#endif
