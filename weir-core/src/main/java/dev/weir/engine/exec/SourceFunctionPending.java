package dev.weir.engine.exec;

import java.util.ArrayList;

/**
 * What a legacy source had emitted but its task had not yet sent downstream when a checkpoint was taken: part of
 * the checkpoint, and sent first after a restore, since the source's own state already counts it as emitted.
 * Public fields and a no-argument constructor, as the state serializer reads them.
 */
public final class SourceFunctionPending {
    public ArrayList<Object> values = new ArrayList<>();
    public long[] timestamps = new long[0];
    public byte[] kinds = new byte[0];

    public SourceFunctionPending() {
    }
}
