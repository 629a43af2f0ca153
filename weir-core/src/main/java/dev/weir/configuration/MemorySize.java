package dev.weir.configuration;

import java.io.Serializable;
import java.util.Locale;

/**
 * A number of bytes, as Flink's {@code MemorySize}: parsed from text such as {@code "128 mb"}, {@code "64kb"} or
 * {@code "1024"} (bytes) with the units of {@link MemoryUnit} (powers of 1024, case-insensitive), and written back by
 * {@link #toString()} in the largest unit that divides it exactly ({@code "128 mb"}, {@code "1536 bytes"}), exactly
 * as Flink writes it.
 */
public class MemorySize implements Serializable, Comparable<MemorySize> {
    private static final long serialVersionUID = 1L;

    /** No bytes. */
    public static final MemorySize ZERO = new MemorySize(0L);

    /** The largest size, {@code Long.MAX_VALUE} bytes. */
    public static final MemorySize MAX_VALUE = new MemorySize(Long.MAX_VALUE);

    // Smallest first: toString looks for the first unit that does not divide the size.
    private static final MemoryUnit[] ORDERED_UNITS = MemoryUnit.values();

    private final long bytes;

    /** A size of {@code bytes} bytes; fails for a negative number. */
    public MemorySize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0");
        }
        this.bytes = bytes;
    }

    /** A size of {@code mebiBytes} × 2^20 bytes. */
    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(mebiBytes << 20);
    }

    public long getBytes() {
        return bytes;
    }

    /** The size in kibibytes, rounded down. */
    public long getKibiBytes() {
        return bytes >> 10;
    }

    /** The size in mebibytes, rounded down. */
    public int getMebiBytes() {
        return (int) (bytes >> 20);
    }

    /** The size in gibibytes, rounded down. */
    public long getGibiBytes() {
        return bytes >> 30;
    }

    /** The size in tebibytes, rounded down. */
    public long getTebiBytes() {
        return bytes >> 40;
    }

    /**
     * The size in the largest unit that divides it exactly, as Flink writes it: {@code "128 mb"}, {@code "1 kb"},
     * {@code "1536 bytes"}, {@code "0 bytes"}. (As in Flink, a size that every unit divides, such as 0 or a whole
     * number of tebibytes, is written in bytes.)
     */
    @Override
    public String toString() {
        MemoryUnit unit = MemoryUnit.BYTES;
        for (int i = 0; i < ORDERED_UNITS.length; i++) {
            if (bytes % ORDERED_UNITS[i].getMultiplier() > 0) {
                unit = i == 0 ? ORDERED_UNITS[0] : ORDERED_UNITS[i - 1];
                break;
            }
        }
        return bytes / unit.getMultiplier() + " " + unit.getUnits()[1];
    }

    /** The size in the largest unit it exceeds, with three decimals and the bytes: {@code "1.500kb (1536 bytes)"}. */
    public String toHumanReadableString() {
        MemoryUnit unit = MemoryUnit.BYTES;
        for (MemoryUnit candidate : ORDERED_UNITS) {
            if (bytes > candidate.getMultiplier()) {
                unit = candidate;
            }
        }
        if (unit == MemoryUnit.BYTES) {
            return bytes + " bytes";
        }
        return String.format(Locale.ROOT, "%.3f%s (%d bytes)", (double) bytes / unit.getMultiplier(), unit.getUnits()[1], bytes);
    }

    public MemorySize add(MemorySize that) {
        return new MemorySize(Math.addExact(bytes, that.bytes));
    }

    public MemorySize subtract(MemorySize that) {
        return new MemorySize(Math.subtractExact(bytes, that.bytes));
    }

    public MemorySize multiply(double multiplier) {
        double product = bytes * multiplier;
        if (!(product >= 0) || product > Long.MAX_VALUE) {
            throw new ArithmeticException("Multiplying " + this + " by " + multiplier + " gives no valid memory size");
        }
        return new MemorySize((long) product);
    }

    public MemorySize divide(long by) {
        if (by < 0) {
            throw new IllegalArgumentException("divisor must be >= 0");
        }
        return new MemorySize(bytes / by);
    }

    @Override
    public int compareTo(MemorySize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemorySize other && other.bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    /** Parses a size such as {@code "128 mb"}; a number without unit is bytes. */
    public static MemorySize parse(String text) throws IllegalArgumentException {
        return new MemorySize(parseBytes(text));
    }

    /** Parses a size such as {@code "128 mb"}; a number without unit is in {@code defaultUnit}. */
    public static MemorySize parse(String text, MemoryUnit defaultUnit) throws IllegalArgumentException {
        if (!hasUnit(text)) {
            return parse(text + defaultUnit.getUnits()[0]);
        }
        return parse(text);
    }

    /**
     * The number of bytes {@code text} names: digits, optional white space, an optional unit of {@link MemoryUnit}.
     * Fails with Flink's messages: for empty text, text that does not start with a number, an unknown unit, and a
     * size beyond {@code Long.MAX_VALUE} bytes.
     */
    public static long parseBytes(String text) throws IllegalArgumentException {
        if (text == null) {
            throw new NullPointerException("text");
        }
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("argument is an empty- or whitespace-only string");
        }
        int digitsEnd = 0;
        while (digitsEnd < trimmed.length() && Character.isDigit(trimmed.charAt(digitsEnd))) {
            digitsEnd++;
        }
        String number = trimmed.substring(0, digitsEnd);
        String unit = trimmed.substring(digitsEnd).trim().toLowerCase(Locale.US);
        if (number.isEmpty()) {
            throw new NumberFormatException("text does not start with a number");
        }
        long value;
        try {
            value = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value '" + number + "' cannot be re represented as 64bit number (numeric overflow).");
        }
        long multiplier = 1;
        if (!unit.isEmpty()) {
            MemoryUnit matched = null;
            for (MemoryUnit candidate : ORDERED_UNITS) {
                if (candidate.matches(unit)) {
                    matched = candidate;
                }
            }
            if (matched == null) {
                throw new IllegalArgumentException("Memory size unit '" + unit + "' does not match any of the recognized units: "
                        + MemoryUnit.getAllUnits());
            }
            multiplier = matched.getMultiplier();
        }
        long result = value * multiplier;
        if (result / multiplier != value) {
            throw new IllegalArgumentException("The value '" + text + "' cannot be re represented as 64bit number of bytes (numeric overflow).");
        }
        return result;
    }

    private static boolean hasUnit(String text) {
        String trimmed = text.trim();
        int i = 0;
        while (i < trimmed.length() && Character.isDigit(trimmed.charAt(i))) {
            i++;
        }
        return !trimmed.substring(i).trim().isEmpty();
    }

    /** The units a size may be written in, with their names as Flink accepts them. */
    public enum MemoryUnit {
        BYTES(new String[] {"b", "bytes"}, 1L),
        KILO_BYTES(new String[] {"k", "kb", "kibibytes"}, 1L << 10),
        MEGA_BYTES(new String[] {"m", "mb", "mebibytes"}, 1L << 20),
        GIGA_BYTES(new String[] {"g", "gb", "gibibytes"}, 1L << 30),
        TERA_BYTES(new String[] {"t", "tb", "tebibytes"}, 1L << 40);

        private final String[] units;
        private final long multiplier;

        MemoryUnit(String[] units, long multiplier) {
            this.units = units;
            this.multiplier = multiplier;
        }

        /** The names of the unit, shortest first. */
        public String[] getUnits() {
            return units.clone();
        }

        public long getMultiplier() {
            return multiplier;
        }

        private boolean matches(String name) {
            for (String unit : units) {
                if (unit.equals(name)) {
                    return true;
                }
            }
            return false;
        }

        /** All units as Flink lists them in its error message: {@code (b | bytes) / (k | kb | kibibytes) / ...}. */
        public static String getAllUnits() {
            StringBuilder all = new StringBuilder();
            for (MemoryUnit unit : values()) {
                if (all.length() > 0) {
                    all.append(" / ");
                }
                all.append('(').append(String.join(" | ", unit.units)).append(')');
            }
            return all.toString();
        }

        /** Whether {@code text} ends with a unit name. */
        public static boolean hasUnit(String text) {
            return MemorySize.hasUnit(text);
        }
    }
}
