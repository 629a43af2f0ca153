package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The stored form of a list state's value: its elements one after another, each as {@code [length: 4][bytes]}, so
 * {@code ListState.add} is one RocksDB merge (append, no delimiter) and reading decodes elements one at a time.
 */
final class ListBytes {
    private ListBytes() {
    }

    static byte[] element(StateSerializer serializer, Object element) {
        byte[] bytes = serializer.serialize(element);
        byte[] out = new byte[4 + bytes.length];
        StateKeys.writeInt(out, 0, bytes.length);
        System.arraycopy(bytes, 0, out, 4, bytes.length);
        return out;
    }

    static byte[] elements(StateSerializer serializer, Collection<?> elements) {
        ArrayList<byte[]> parts = new ArrayList<>(elements.size());
        int size = 0;
        for (Object e : elements) {
            byte[] bytes = serializer.serialize(e);
            parts.add(bytes);
            size += 4 + bytes.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] bytes : parts) {
            StateKeys.writeInt(out, at, bytes.length);
            System.arraycopy(bytes, 0, out, at + 4, bytes.length);
            at += 4 + bytes.length;
        }
        return out;
    }

    /** The elements of {@code stored} decoded into a list (for snapshots). */
    static ArrayList<Object> decodeAll(StateSerializer serializer, byte[] stored) {
        ArrayList<Object> out = new ArrayList<>();
        for (Iterator<Object> it = lazily(serializer, stored).iterator(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    /**
     * The elements of {@code stored}, each decoded when the iteration reaches it. A {@code List} (as Flink's list
     * state returns one); indexed access decodes from the start.
     */
    static Iterable<Object> lazily(StateSerializer serializer, byte[] stored) {
        return new Decoded(serializer, stored);
    }

    /** A read-only view over encoded elements. */
    private static final class Decoded extends AbstractList<Object> {
        private final StateSerializer serializer;
        private final byte[] stored;
        private int size = -1;

        Decoded(StateSerializer serializer, byte[] stored) {
            this.serializer = serializer;
            this.stored = stored;
        }

        @Override
        public Iterator<Object> iterator() {
            return new Iterator<>() {
                private int at;

                @Override
                public boolean hasNext() {
                    return at < stored.length;
                }

                @Override
                public Object next() {
                    if (at >= stored.length) {
                        throw new NoSuchElementException();
                    }
                    int length = StateKeys.readInt(stored, at);
                    Object value = serializer.deserialize(stored, at + 4, length);
                    at += 4 + length;
                    return value;
                }
            };
        }

        @Override
        public Object get(int index) {
            Iterator<Object> it = iterator();
            for (int i = 0; i < index && it.hasNext(); i++) {
                skip(it);
            }
            if (index < 0 || !it.hasNext()) {
                throw new IndexOutOfBoundsException("index " + index + " of a list of " + size());
            }
            return it.next();
        }

        private static void skip(Iterator<Object> it) {
            it.next();
        }

        @Override
        public int size() {
            if (size < 0) {
                int n = 0;
                for (int at = 0; at < stored.length; at += 4 + StateKeys.readInt(stored, at)) {
                    n++;
                }
                size = n;
            }
            return size;
        }
    }
}
