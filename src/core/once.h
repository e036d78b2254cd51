/* A table built once, at first use, without locks: the first caller builds
 * it; a caller that finds it being built (another thread) or failed does
 * without it (each table has a slower path that needs none), so nothing
 * ever waits.  Acquire/release order makes the built table visible to
 * every caller that sees SC_ONCE_READY. */
#ifndef SC_CORE_ONCE_H
#define SC_CORE_ONCE_H

#include <stdatomic.h>
#include <stdbool.h>

enum { SC_ONCE_EMPTY, SC_ONCE_BUILDING, SC_ONCE_READY, SC_ONCE_FAILED };

/* True when the table guarded by *state is ready, building it with build()
 * when no one has tried yet. */
static inline bool sc_once_ready(atomic_int *state, bool (*build)(void))
{
    int now = atomic_load_explicit(state, memory_order_acquire);
    if (now == SC_ONCE_READY)
        return true;
    if (now != SC_ONCE_EMPTY)
        return false;
    int expected = SC_ONCE_EMPTY;
    if (!atomic_compare_exchange_strong(state, &expected, SC_ONCE_BUILDING))
        return false;
    bool ok = build();
    atomic_store_explicit(state, ok ? SC_ONCE_READY : SC_ONCE_FAILED, memory_order_release);
    return ok;
}

#endif
