package dev.weir.sql.expr;

import dev.weir.types.Row;

/**
 * Flink's INET_ATON(s) and INET_NTOA(n). INET_ATON reads an IPv4 address as BIGINT: four decimal parts
 * {@code a.b.c.d}, or fewer, the last of which is the lowest byte ({@code 1.2.3} is 1.2.0.3, {@code 1.2} is 1.0.0.2,
 * {@code 1} is 0.0.0.1); each part is decimal digits only (leading zeros allowed) from 0 to 255, else the result is
 * NULL (no spaces, signs or hexadecimal; unlike inet_aton, a short form's last part is one byte too), as Flink 2.3 gives. INET_NTOA writes a number of 0 to 2^32 - 1 as
 * {@code a.b.c.d}, and gives NULL for any other. NULL in gives NULL out.
 */
final class InetCalls extends Expr {
    private static final long serialVersionUID = 1L;
    private static final long MAX_ADDRESS = 0xFFFF_FFFFL;

    private final boolean toNumber;
    private final Expr arg;

    private InetCalls(boolean toNumber, Expr arg) {
        this.toNumber = toNumber;
        this.arg = arg;
    }

    /** The call of INET_ATON or INET_NTOA, or null when {@code name} is neither. */
    static Expr of(String name, Expr[] args) {
        if (!name.equals("INET_ATON") && !name.equals("INET_NTOA")) {
            return null;
        }
        return new InetCalls(name.equals("INET_ATON"), args[0]);
    }

    @Override
    public Object eval(Row row) {
        if (toNumber) {
            Object v = arg.eval(row);
            if (v == null) {
                return null;
            }
            long address = address(v.toString());
            return address < 0 ? null : (Object) address;
        }
        long n = arg.evalLong(row);
        if (isNull(n, arg, row) || n < 0 || n > MAX_ADDRESS) {
            return null;
        }
        return (n >>> 24) + "." + ((n >>> 16) & 255) + "." + ((n >>> 8) & 255) + "." + (n & 255);
    }

    @Override
    public long evalLong(Row row) {
        if (!toNumber) {
            return super.evalLong(row);
        }
        Object v = arg.eval(row);
        long address = v == null ? -1 : address(v.toString());
        return address < 0 ? MAYBE_NULL : address;
    }

    /** The address {@code s} spells, or -1 when it spells none. */
    static long address(String s) {
        long result = 0;
        int parts = 0;
        int start = 0;
        while (true) {
            int end = s.indexOf('.', start);
            if (end < 0) {
                end = s.length();
            }
            if (end == start || end - start > 10 || ++parts > 4) {
                return -1;
            }
            long part = 0;
            for (int i = start; i < end; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                part = part * 10 + (c - '0');
            }
            if (part > 255) {
                return -1;
            }
            if (end == s.length()) {
                // The last part is the lowest byte; the bytes between it and the parts before it stay zero.
                return (result << (8 * (5 - parts))) | part;
            }
            result = (result << 8) | part;
            start = end + 1;
        }
    }
}
