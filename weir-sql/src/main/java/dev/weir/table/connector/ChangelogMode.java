package dev.weir.table.connector;

import dev.weir.types.RowKind;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The kinds of change a changelog holds, as in Flink: {@link #insertOnly()} (+I), {@link #upsert()} (+I, +U, -D: no
 * update-before rows, the key tells which row an update replaces) and {@link #all()} (+I, -U, +U, -D). It tells
 * {@code fromChangelogStream} what its input carries and {@code toChangelogStream} what to emit.
 */
public final class ChangelogMode {
    private static final ChangelogMode INSERT_ONLY = newBuilder().addContainedKind(RowKind.INSERT).build();
    private static final ChangelogMode UPSERT = newBuilder().addContainedKind(RowKind.INSERT)
            .addContainedKind(RowKind.UPDATE_AFTER).addContainedKind(RowKind.DELETE).build();
    private static final ChangelogMode ALL = newBuilder().addContainedKind(RowKind.INSERT).addContainedKind(RowKind.UPDATE_BEFORE)
            .addContainedKind(RowKind.UPDATE_AFTER).addContainedKind(RowKind.DELETE).build();

    private final Set<RowKind> kinds;
    private final boolean keyOnlyDeletes;

    private ChangelogMode(Set<RowKind> kinds, boolean keyOnlyDeletes) {
        this.kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        this.keyOnlyDeletes = keyOnlyDeletes;
    }

    /** Insertions only. */
    public static ChangelogMode insertOnly() {
        return INSERT_ONLY;
    }

    /** Insertions, update-after rows and deletions, keyed by the primary key. */
    public static ChangelogMode upsert() {
        return UPSERT;
    }

    /** As {@link #upsert()}; with {@code keyOnlyDeletes} a deletion may carry the key alone. */
    public static ChangelogMode upsert(boolean keyOnlyDeletes) {
        return keyOnlyDeletes ? new ChangelogMode(UPSERT.kinds, true) : UPSERT;
    }

    /** Every kind of change. */
    public static ChangelogMode all() {
        return ALL;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public Set<RowKind> getContainedKinds() {
        return kinds;
    }

    public boolean contains(RowKind kind) {
        return kinds.contains(kind);
    }

    public boolean containsOnly(RowKind kind) {
        return kinds.size() == 1 && kinds.contains(kind);
    }

    public boolean keyOnlyDeletes() {
        return keyOnlyDeletes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangelogMode && kinds.equals(((ChangelogMode) o).kinds) && keyOnlyDeletes == ((ChangelogMode) o).keyOnlyDeletes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kinds, keyOnlyDeletes);
    }

    /** The kinds, e.g. {@code [INSERT, UPDATE_AFTER, DELETE]}. */
    @Override
    public String toString() {
        return kinds.toString();
    }

    /** Builds a {@link ChangelogMode}. */
    public static final class Builder {
        private final Set<RowKind> kinds = EnumSet.noneOf(RowKind.class);
        private boolean keyOnlyDeletes;

        private Builder() {
        }

        public Builder addContainedKind(RowKind kind) {
            kinds.add(Objects.requireNonNull(kind, "kind"));
            return this;
        }

        public Builder keyOnlyDeletes(boolean flag) {
            keyOnlyDeletes = flag;
            return this;
        }

        public ChangelogMode build() {
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException("At least one kind of row should be contained in a changelog.");
            }
            return new ChangelogMode(kinds, keyOnlyDeletes);
        }
    }
}
