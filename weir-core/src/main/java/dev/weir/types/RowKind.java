package dev.weir.types;

/**
 * The kind of change a {@link Row} describes in a changelog, as in Flink: an insertion, the old and new image of an
 * update, or a deletion. The short strings ({@code +I}, {@code -U}, {@code +U}, {@code -D}) are what
 * {@link Row#toString()} prints first.
 */
public enum RowKind {
    /** A new row. */
    INSERT("+I", (byte) 0),
    /** The row as it was before an update; followed by its {@link #UPDATE_AFTER}. */
    UPDATE_BEFORE("-U", (byte) 1),
    /** The row as it is after an update. */
    UPDATE_AFTER("+U", (byte) 2),
    /** A row that is removed. */
    DELETE("-D", (byte) 3);

    private final String shortString;
    private final byte value;

    RowKind(String shortString, byte value) {
        this.shortString = shortString;
        this.value = value;
    }

    /** The two-character form, e.g. {@code +I}. */
    public String shortString() {
        return shortString;
    }

    /** The stable byte of this kind, for serialization. */
    public byte toByteValue() {
        return value;
    }

    /** The kind whose {@link #toByteValue()} is {@code value}. */
    public static RowKind fromByteValue(byte value) {
        switch (value) {
            case 0:
                return INSERT;
            case 1:
                return UPDATE_BEFORE;
            case 2:
                return UPDATE_AFTER;
            case 3:
                return DELETE;
            default:
                throw new UnsupportedOperationException("Unsupported byte value '" + value + "' for row kind; valid are 0 to 3");
        }
    }
}
