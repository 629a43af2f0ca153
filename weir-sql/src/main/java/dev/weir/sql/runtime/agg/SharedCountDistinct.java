package dev.weir.sql.runtime.agg;

import dev.weir.types.Row;

/**
 * One of several insert-only COUNT(DISTINCT x) calls over the same integer column (typically with different FILTER
 * clauses, as Nexmark q15 and q16 run four per column) that share one {@link DistinctLongs}: a row probes the table once
 * for all of them, with a bit for each call whose filter the row passes. The group's first call owns the table in
 * its accumulator slot and accumulates for the group; the others keep no accumulator (null) and read their count from
 * the first call's table, which {@link SqlAggregate} hands them ({@link #share}).
 */
final class SharedCountDistinct extends AggCall {
    private static final long serialVersionUID = 1L;

    /** Each call's filter column (-1 for none), by its bit in the table. */
    private final int[] filters;
    /** This call's bit. */
    private final int bit;

    private SharedCountDistinct(int arg, int filterArg, int[] filters, int bit) {
        super(arg, filterArg);
        this.filters = filters;
        this.bit = bit;
    }

    /**
     * Replaces, in a copy of {@code calls}, each set of two or more insert-only integer COUNT(DISTINCT) calls over one
     * column (at most {@link DistinctLongs#MAX_CALLS} to a set) by shared calls, and fills {@code owner} with the index of
     * the call whose accumulator each call reads (its own index for calls that share nothing).
     */
    static AggCall[] share(AggCall[] calls, int[] owner) {
        AggCall[] shared = calls.clone();
        for (int i = 0; i < calls.length; i++) {
            owner[i] = i;
        }
        boolean[] grouped = new boolean[calls.length];
        for (int first = 0; first < calls.length; first++) {
            if (grouped[first] || !sharable(calls[first])) {
                continue;
            }
            int[] members = new int[DistinctLongs.MAX_CALLS];
            int size = 0;
            for (int j = first; j < calls.length && size < members.length; j++) {
                if (!grouped[j] && sharable(calls[j]) && calls[j].arg == calls[first].arg) {
                    members[size++] = j;
                }
            }
            if (size < 2) {
                continue;
            }
            int[] filters = new int[size];
            for (int b = 0; b < size; b++) {
                filters[b] = calls[members[b]].filterArg;
            }
            for (int b = 0; b < size; b++) {
                int call = members[b];
                shared[call] = new SharedCountDistinct(calls[call].arg, calls[call].filterArg, filters, b);
                owner[call] = first;
                grouped[call] = true;
            }
        }
        return shared;
    }

    private static boolean sharable(AggCall call) {
        return call instanceof InsertOnlyCountDistinct && ((InsertOnlyCountDistinct) call).integers();
    }

    private boolean owns() {
        return bit == 0;
    }

    @Override
    public Object createAccumulator() {
        return owns() ? new DistinctLongs(filters.length) : null;
    }

    @Override
    public Object accumulate(Object acc, Row row) {
        if (!owns()) {
            return acc;
        }
        Object v = row.getField(arg);
        if (v == null) {
            return acc;
        }
        int callBits = 0;
        for (int b = 0; b < filters.length; b++) {
            int filter = filters[b];
            if (filter < 0 || Boolean.TRUE.equals(row.getField(filter))) {
                callBits |= 1 << b;
            }
        }
        if (callBits != 0) {
            ((DistinctLongs) acc).add(((Number) v).longValue(), callBits);
        }
        return acc;
    }

    @Override
    public boolean canRetract() {
        return false;
    }

    @Override
    public Object merge(Object a, Object b) {
        return owns() ? ((DistinctLongs) a).union((DistinctLongs) b) : null;
    }

    /** {@code acc}: the group's table, from the first call's slot. */
    @Override
    public Object result(Object acc) {
        return (long) ((DistinctLongs) acc).count(bit);
    }

    @Override
    public Object result(Object acc, Object previous) {
        return sameOrBoxed(((DistinctLongs) acc).count(bit), previous);
    }
}
