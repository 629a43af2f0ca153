package dev.weir.types.bitmap;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * A value of Flink 2.3's SQL type BITMAP: a set of 32-bit integers ordered as unsigned ({@code -1} is 4294967295, the
 * largest), held as a Roaring bitmap. It prints as Flink's does, {@code {1,2,4294967295}}, and its bytes are Roaring's
 * portable serialization, which Flink's BITMAP_TO_BYTES writes. Mutable: Weir SQL's aggregates add to their own.
 */
public final class Bitmap implements Serializable {
    private static final long serialVersionUID = 1L;

    // Not serialized by default: writeObject writes the portable bytes, which do not depend on the library's classes.
    private transient RoaringBitmap bits;

    private Bitmap(RoaringBitmap bits) {
        this.bits = bits;
    }

    /** An empty bitmap. */
    public static Bitmap empty() {
        return new Bitmap(new RoaringBitmap());
    }

    /** The bitmap of {@code values}. */
    public static Bitmap fromArray(int[] values) {
        return new Bitmap(RoaringBitmap.bitmapOf(values));
    }

    /** A copy of {@code other}, as Flink's {@code Bitmap.from}. */
    public static Bitmap from(Bitmap other) {
        return other.copy();
    }

    /**
     * The bitmap Roaring's portable serialization {@code bytes} hold.
     *
     * @throws IllegalArgumentException naming what is wrong when the bytes are not such a serialization
     */
    public static Bitmap fromBytes(byte[] bytes) {
        RoaringBitmap bits = new RoaringBitmap();
        try {
            bits.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The " + bytes.length + " bytes are no bitmap in Roaring's portable "
                    + "serialization (" + e + "); pass bytes written by BITMAP_TO_BYTES", e);
        }
        return new Bitmap(bits);
    }

    /** Adds {@code value}. */
    public void add(int value) {
        bits.add(value);
    }

    /** Adds every value from {@code rangeStart} (inclusive) to {@code rangeEnd} (exclusive), as unsigned 32-bit values. */
    public void add(long rangeStart, long rangeEnd) {
        bits.add(rangeStart, rangeEnd);
    }

    /** Adds {@code length} values of {@code values} from {@code offset}. */
    public void addN(int[] values, int offset, int length) {
        bits.addN(values, offset, length);
    }

    /** Whether it holds {@code value}. */
    public boolean contains(int value) {
        return bits.contains(value);
    }

    /** Removes every value. */
    public void clear() {
        bits.clear();
    }

    /** How many values it holds, as an int (Roaring's: wraps past 2^31 - 1; see {@link #getLongCardinality()}). */
    public int getCardinality() {
        return bits.getCardinality();
    }

    /** Removes {@code value}. */
    public void remove(int value) {
        bits.remove(value);
    }

    /** Keeps only the values also in {@code other}. */
    public void and(Bitmap other) {
        bits.and(other.bits);
    }

    /** Adds the values of {@code other}. */
    public void or(Bitmap other) {
        bits.or(other.bits);
    }

    /** Keeps the values in exactly one of this and {@code other}. */
    public void xor(Bitmap other) {
        bits.xor(other.bits);
    }

    /** Removes the values of {@code other}. */
    public void andNot(Bitmap other) {
        bits.andNot(other.bits);
    }

    /** How many values it holds, up to 2^32. */
    public long getLongCardinality() {
        return bits.getLongCardinality();
    }

    /** Whether it holds no value. */
    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** The values in unsigned order (so negative ones last). */
    public int[] toArray() {
        return bits.toArray();
    }

    /** Roaring's portable serialization of the values. */
    public byte[] toBytes() {
        bits.runOptimize();
        ByteBuffer out = ByteBuffer.allocate(bits.serializedSizeInBytes());
        bits.serialize(out);
        return out.array();
    }

    /** A copy that does not change when this one does. */
    public Bitmap copy() {
        return new Bitmap(bits.clone());
    }

    /** Flink's form: the values as unsigned decimals in braces, {@code {}} when empty. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        IntIterator it = bits.getIntIterator();
        while (it.hasNext()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(Integer.toUnsignedString(it.next()));
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bitmap && ((Bitmap) o).bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        byte[] bytes = toBytes();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        bits = fromBytes(bytes).bits;
    }
}
