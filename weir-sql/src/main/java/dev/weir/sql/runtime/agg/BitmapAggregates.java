package dev.weir.sql.runtime.agg;

import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import dev.weir.types.bitmap.Bitmap;
import java.io.Serializable;

/**
 * Flink 2.3's BITMAP aggregates: BITMAP_BUILD_AGG(int) adds a group's values to one bitmap; BITMAP_AND_AGG,
 * BITMAP_OR_AGG and BITMAP_XOR_AGG(bitmap) combine a group's bitmaps; each _CARDINALITY_AGG gives the count of its
 * bitmap instead. NULL arguments are skipped; a group of NULLs gives NULL, as in Flink 2.3. Insert-only in Weir: an updating input, which
 * Flink 2.3 retracts from the bitmap, is refused while planning.
 */
final class BitmapAggregates extends AggCall {
    private static final long serialVersionUID = 1L;

    private enum Op {
        BUILD, AND, OR, XOR
    }

    private final Op op;
    private final boolean cardinality;

    private BitmapAggregates(int arg, int filterArg, Op op, boolean cardinality) {
        super(arg, filterArg);
        this.op = op;
        this.cardinality = cardinality;
    }

    /** The call of a BITMAP aggregate {@code name}, or null when it is none. */
    static AggCall of(String name, int arg, int filterArg, boolean retracting, boolean distinct) {
        if (!name.startsWith("BITMAP_") || !name.endsWith("_AGG")) {
            return null;
        }
        boolean cardinality = name.endsWith("_CARDINALITY_AGG");
        String op = name.substring("BITMAP_".length(), name.length() - (cardinality ? "_CARDINALITY_AGG" : "_AGG").length());
        if (retracting) {
            throw new ValidationException(name + " over an updating input (one that retracts rows, e.g. the result of "
                    + "another GROUP BY) is not supported by Weir SQL yet; aggregate an insert-only input, e.g. the table "
                    + "itself or a window table function's rows");
        }
        if (distinct) {
            throw new ValidationException(name + "(DISTINCT ...) is not supported; a bitmap holds each value once "
                    + "already, write " + name + "(v)");
        }
        return new BitmapAggregates(arg, filterArg, Op.valueOf(op), cardinality);
    }

    @Override
    public Object createAccumulator() {
        return new Acc();
    }

    @Override
    public Object accumulate(Object acc, Row row) {
        if (!applies(row)) {
            return acc;
        }
        Object v = row.getField(arg);
        if (v == null) {
            return acc;
        }
        Acc a = (Acc) acc;
        if (op == Op.BUILD) {
            if (a.bits == null) {
                a.bits = Bitmap.empty();
            }
            a.bits.add(((Number) v).intValue());
        } else {
            a.bits = combine(a.bits, (Bitmap) v);
        }
        return a;
    }

    // The first bitmap is copied: the aggregate changes its own, never an input row's.
    private Bitmap combine(Bitmap into, Bitmap other) {
        if (into == null) {
            return other.copy();
        }
        switch (op) {
            case AND -> into.and(other);
            case XOR -> into.xor(other);
            default -> into.or(other);
        }
        return into;
    }

    @Override
    public boolean canRetract() {
        return false;
    }

    @Override
    public Object merge(Object a, Object b) {
        Acc merged = new Acc();
        Bitmap left = ((Acc) a).bits;
        Bitmap right = ((Acc) b).bits;
        merged.bits = left == null ? right == null ? null : right.copy() : right == null ? left.copy()
                : combine(left.copy(), right);
        return merged;
    }

    @Override
    public Object result(Object acc) {
        Bitmap bits = ((Acc) acc).bits;
        if (cardinality) {
            // NULL, as the bitmap is, for a group without a non-null argument.
            return bits == null ? null : bits.getLongCardinality();
        }
        return bits == null ? null : bits.copy();
    }

    /** The group's bitmap so far; null before its first non-null argument. */
    static final class Acc implements Serializable {
        private static final long serialVersionUID = 1L;
        Bitmap bits;
    }
}
