package dev.weir.engine.state;

/**
 * A contiguous, inclusive range of key groups, the share of keyed state one operator subtask owns; may be empty
 * when an operator has more subtasks than key groups.
 */
public final class KeyGroupRange {
    /** The range of a subtask that owns no key group. */
    public static final KeyGroupRange EMPTY = new KeyGroupRange(0, -1);

    private final int startKeyGroup;
    private final int endKeyGroup;

    private KeyGroupRange(int startKeyGroup, int endKeyGroup) {
        this.startKeyGroup = startKeyGroup;
        this.endKeyGroup = endKeyGroup;
    }

    /** The key groups {@code start..end}, both inclusive; {@link #EMPTY} when {@code end < start}. */
    public static KeyGroupRange of(int startKeyGroup, int endKeyGroup) {
        if (startKeyGroup < 0) {
            throw new IllegalArgumentException("key group range must start at 0 or later, was " + startKeyGroup);
        }
        return endKeyGroup < startKeyGroup ? EMPTY : new KeyGroupRange(startKeyGroup, endKeyGroup);
    }

    public int getStartKeyGroup() {
        return startKeyGroup;
    }

    /** The last key group of the range, inclusive. */
    public int getEndKeyGroup() {
        return endKeyGroup;
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
    }

    /**
     * Fails unless {@code keyGroup}, the key group of {@code key} under {@code maxParallelism}, is in this range: the
     * record reached a subtask whose keyed state does not hold its key.
     */
    public void requireContains(Object key, int keyGroup, int maxParallelism) {
        if (!contains(keyGroup)) {
            throw new IllegalArgumentException("key '" + key + "' is in key group " + keyGroup + ", outside this subtask's "
                    + this + " (max parallelism " + maxParallelism + "): the record reached the wrong subtask; "
                    + "partition the stream with the same key selector and max parallelism as the keyed operator");
        }
    }

    public int size() {
        return endKeyGroup - startKeyGroup + 1;
    }

    public boolean isEmpty() {
        return endKeyGroup < startKeyGroup;
    }

    /** The key group at {@code index} (0 = the first), for iteration without an iterator. */
    public int getKeyGroupId(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("index " + index + " is outside " + this + " of size " + size());
        }
        return startKeyGroup + index;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof KeyGroupRange)) {
            return false;
        }
        KeyGroupRange other = (KeyGroupRange) o;
        return startKeyGroup == other.startKeyGroup && endKeyGroup == other.endKeyGroup;
    }

    @Override
    public int hashCode() {
        return 31 * startKeyGroup + endKeyGroup;
    }

    @Override
    public String toString() {
        return isEmpty() ? "KeyGroupRange{empty}" : "KeyGroupRange{" + startKeyGroup + ".." + endKeyGroup + "}";
    }
}
