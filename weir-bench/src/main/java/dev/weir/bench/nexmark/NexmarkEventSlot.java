package dev.weir.bench.nexmark;

/**
 * One source subtask's {@link NexmarkEvent}, {@link Person} and {@link Auction}, refilled by
 * {@link NexmarkShape#event(long, NexmarkEventSlot)} for every index, so the generator allocates only the bids.
 *
 * <p>Why reuse is safe in the bench's jobs, on both engines: the event, person and auction die in the source's chain
 * (the timestamp assigner, {@code filter(bid != null)} and {@code map(event.bid)} run chained to the source by direct
 * calls on Weir, and by reference on Flink, whose bench enables object reuse), so no engine holds one after the next
 * index. The bid is always new: Weir passes it by reference across the keyed exchange into the window's state.
 */
public final class NexmarkEventSlot {
    final NexmarkEvent event = new NexmarkEvent();
    final Person person = new Person();
    final Auction auction = new Auction();
}
