package dev.weir.sql.expr;

import dev.weir.types.Row;
import dev.weir.types.bitmap.Bitmap;

/**
 * Flink 2.3's scalar BITMAP functions over {@link Bitmap} values: BITMAP_BUILD, BITMAP_FROM_BYTES, BITMAP_TO_BYTES,
 * BITMAP_TO_STRING, BITMAP_TO_ARRAY, BITMAP_CARDINALITY, BITMAP_AND, BITMAP_ANDNOT, BITMAP_OR and BITMAP_XOR. A NULL
 * argument gives NULL; the set operations return a new bitmap and leave their arguments as they were.
 */
final class BitmapCalls extends Expr {
    private static final long serialVersionUID = 1L;

    enum Fn {
        BUILD, FROM_BYTES, TO_BYTES, TO_STRING, TO_ARRAY, CARDINALITY, AND, ANDNOT, OR, XOR
    }

    private final Fn fn;
    private final Expr first;
    private final Expr second;

    private BitmapCalls(Fn fn, Expr first, Expr second) {
        this.fn = fn;
        this.first = first;
        this.second = second;
    }

    /** The call of a BITMAP function, or null when {@code name} is none. */
    static Expr of(String name, Expr[] args) {
        if (!name.startsWith("BITMAP_")) {
            return null;
        }
        Fn fn;
        try {
            fn = Fn.valueOf(name.substring("BITMAP_".length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new BitmapCalls(fn, args[0], args.length > 1 ? args[1] : null);
    }

    @Override
    public Object eval(Row row) {
        Object a = first.eval(row);
        if (a == null) {
            return null;
        }
        switch (fn) {
            case BUILD:
                return build((Object[]) a);
            case FROM_BYTES:
                return Bitmap.fromBytes((byte[]) a);
            case TO_BYTES:
                return ((Bitmap) a).toBytes();
            case TO_STRING:
                return a.toString();
            case TO_ARRAY:
                return boxed(((Bitmap) a).toArray());
            case CARDINALITY:
                return ((Bitmap) a).getLongCardinality();
            default:
                return combined((Bitmap) a, second.eval(row));
        }
    }

    private Bitmap combined(Bitmap a, Object b) {
        if (b == null) {
            return null;
        }
        Bitmap result = a.copy();
        switch (fn) {
            case AND -> result.and((Bitmap) b);
            case ANDNOT -> result.andNot((Bitmap) b);
            case OR -> result.or((Bitmap) b);
            default -> result.xor((Bitmap) b);
        }
        return result;
    }

    private static Bitmap build(Object[] values) {
        Bitmap bitmap = Bitmap.empty();
        for (Object v : values) {
            if (v != null) {
                bitmap.add(((Number) v).intValue());
            }
        }
        return bitmap;
    }

    private static Object[] boxed(int[] values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
