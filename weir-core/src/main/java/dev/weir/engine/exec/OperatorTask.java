package dev.weir.engine.exec;

import dev.weir.engine.checkpoint.OperatorSubtaskSnapshot;
import dev.weir.engine.exchange.Marker;
import dev.weir.engine.exchange.OutputBacklog;
import dev.weir.engine.exchange.RecordHandler;
import dev.weir.engine.exchange.RecordRing;
import dev.weir.engine.exchange.RingDebloater;
import dev.weir.engine.operators.KeyedRecordInput;
import dev.weir.engine.operators.OneInputOperator;
import dev.weir.engine.operators.OperatorFailure;
import dev.weir.engine.operators.StreamOperator;
import dev.weir.engine.operators.TwoInputOperator;
import dev.weir.engine.time.ProcessingTimeService;
import dev.weir.engine.time.WatermarkValve;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs one subtask of a chain whose head reads from the exchange: drains its input channels round robin, keeps
 * per-channel watermarks in a {@link WatermarkValve}, passes records to the head operator by direct call, aligns
 * checkpoint barriers, and ends the chain when every channel has ended.
 *
 * <p>Exactly-once alignment: a channel that delivered the barrier of checkpoint n is not read again until every
 * channel delivered it (or ended); then the chain is snapshotted, the barrier goes downstream and all channels are
 * read again. At-least-once does the same without blocking any channel.
 */
final class OperatorTask implements Tasklet, RecordHandler {
    private static final int RECORDS_PER_CALL = 1024;

    private final String name;
    private final RecordRing[] channels;
    private final int[] inputOfChannel;
    private final StreamOperator head;
    private final OneInputOperator oneInput;
    /** The head when it takes records with the key and key group its keyed input channels carry; else null. */
    private final KeyedRecordInput keyedInput;
    private final TwoInputOperator twoInput;
    private final Chain chain;
    private final TaskWriters writers;
    /** What an operator that emits in bulk asks, through {@link OutputBacklog}, to know when to stop. */
    private final BooleanSupplier backlog;
    private final ProcessingTimeService processingTime;
    private final WatermarkValve valve;
    private final boolean exactlyOnce;
    private final boolean[] barrierSeen;
    private final boolean[] channelEnded;
    /** BATCH mode, keyed one-input head: the records, held until the input ends and then processed in timestamp order. */
    private SortedBatchInput sortedInput;
    /** Per input (0 and 1), how many of its channels have not ended yet. */
    private final int[] openChannelsOfInput = new int[2];
    /** Per input (0 and 1), whether a two-input head has been told that it ended. */
    private final boolean[] inputEndSignalled = new boolean[2];
    private final boolean restoredFinished;
    private TaskCheckpoints checkpoints;
    /** Sizes the input channels to this task's throughput (buffer debloating); null when switched off. */
    private RingDebloater debloater;
    private dev.weir.engine.status.TaskMetrics metrics = new dev.weir.engine.status.TaskMetrics();

    private int currentChannel;
    private int nextChannel;
    private int finishedChannels;
    private long aligningCheckpoint = -1;
    private long aligningSince;
    private int barriersSeen;
    private boolean ended;
    private boolean done;

    OperatorTask(String name, RecordRing[] channels, int[] inputOfChannel, StreamOperator head, Chain chain,
                 TaskWriters writers, ProcessingTimeService processingTime, boolean exactlyOnce, boolean restoredFinished) {
        this.name = name;
        this.channels = channels;
        this.inputOfChannel = inputOfChannel;
        this.head = head;
        this.oneInput = head instanceof OneInputOperator o ? o : null;
        this.keyedInput = head instanceof KeyedRecordInput k && oneInput != null ? k : null;
        this.twoInput = head instanceof TwoInputOperator t ? t : null;
        this.chain = chain;
        this.writers = writers;
        this.backlog = writers::hasBacklog;
        this.processingTime = processingTime;
        this.valve = new WatermarkValve(channels.length);
        this.exactlyOnce = exactlyOnce;
        this.barrierSeen = new boolean[channels.length];
        this.channelEnded = new boolean[channels.length];
        for (int input : inputOfChannel) {
            openChannelsOfInput[input]++;
        }
        this.restoredFinished = restoredFinished;
    }

    /** BATCH mode: hold a keyed one-input head's records until the input ends, then process them in timestamp order. */
    void sortInputByTimestamp() {
        if (oneInput == null) {
            throw new IllegalStateException(name + ": only a one-input head sorts its input");
        }
        sortedInput = new SortedBatchInput();
    }

    void setCheckpoints(TaskCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** Buffer debloating for this task's input channels (the rings given at construction). */
    void setDebloater(RingDebloater debloater) {
        this.debloater = debloater;
    }

    void setMetrics(dev.weir.engine.status.TaskMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init() throws Exception {
        chain.open();
    }

    @Override
    public int call() throws Exception {
        // Restores the caller's probe: a task may run inside another's call (a producer waiting in ProducerYield).
        BooleanSupplier caller = OutputBacklog.current();
        OutputBacklog.install(backlog);
        try {
            return work();
        } finally {
            OutputBacklog.install(caller);
        }
    }

    private int work() throws Exception {
        if (ended) {
            done = writers.flush();
            return done ? 1 : 0;
        }
        if (!writers.flush()) {
            metrics.endCall(true);
            return 0;
        }
        if (chain.hasPendingOutput()) {
            // An operator stopped emitting for the backlog: it continues before anything else reaches the chain.
            chain.resumeOutput();
            writers.flush();
            if (chain.hasPendingOutput()) {
                metrics.endCall(writers.hasBacklog());
                return 1;
            }
        }
        int work = checkpoints.processInbox(null) + processingTime.fireDueTimers();
        int budget = RECORDS_PER_CALL;
        int n = channels.length;
        if (debloater != null) {
            debloater.beforeDrain();
        }
        for (int k = 0; k < n && budget > 0 && !writers.hasBacklog() && !chain.hasPendingOutput(); k++) {
            int ch = nextChannel + k;
            if (ch >= n) {
                ch -= n;
            }
            if (exactlyOnce && barrierSeen[ch]) {
                continue;
            }
            currentChannel = ch;
            int drained = channels[ch].drain(this, budget);
            metrics.drained(ch, drained);
            budget -= drained;
            work += drained;
        }
        nextChannel = nextChannel + 1 == n ? 0 : nextChannel + 1;
        if (debloater != null) {
            int drained = RECORDS_PER_CALL - budget;
            // Nothing drained because the output is blocked is busy time, not an empty input.
            if (drained > 0 || !writers.hasBacklog() && !chain.hasPendingOutput()) {
                debloater.afterDrain(drained);
            }
        }
        if ((finishedChannels == n || restoredFinished) && !chain.hasPendingOutput()) {
            if (!restoredFinished) {
                chain.endInput();
            }
            List<OperatorSubtaskSnapshot> last = chain.snapshot(-1, System.currentTimeMillis(), false);
            checkpoints.finished(last);
            writers.emitEndOfInput();
            ended = true;
            work++;
            metrics.finished();
        }
        writers.flush();
        metrics.endCall(writers.hasBacklog());
        return work;
    }

    @Override
    public void onRecord(Object value, long timestamp) {
        try {
            if (sortedInput != null) {
                sortedInput.add(value, timestamp);
            } else if (oneInput != null) {
                oneInput.processElement(value, timestamp);
            } else if (inputOfChannel[currentChannel] == 0) {
                twoInput.processElement1(value, timestamp);
            } else {
                twoInput.processElement2(value, timestamp);
            }
        } catch (Throwable t) {
            throw OperatorFailure.wrap(head, OperatorFailure.onRecord(value), t);
        }
    }

    /** A record of a keyed channel, with the key and key group its producer computed to route it. */
    @Override
    public void onKeyedRecord(Object value, long timestamp, Object key, int keyGroup) {
        if (keyedInput == null || sortedInput != null) {
            onRecord(value, timestamp);
            return;
        }
        try {
            keyedInput.processKeyedElement(value, timestamp, key, keyGroup);
        } catch (Throwable t) {
            throw OperatorFailure.wrap(head, OperatorFailure.onRecord(value), t);
        }
    }

    /** Processes the held records before the final watermark fires the timers. */
    private void flushSortedInput() {
        SortedBatchInput held = sortedInput;
        sortedInput = null;
        try {
            held.flushInto(oneInput);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw OperatorFailure.wrap(head, "processing its sorted input", e);
        }
    }

    /** Tells a two-input head, once, that one of its inputs has ended, before the watermark that may advance. */
    private void signalEndOfInput(int input) {
        if (twoInput != null && !inputEndSignalled[input]) {
            inputEndSignalled[input] = true;
            try {
                twoInput.endInput(input + 1);
            } catch (Throwable t) {
                throw OperatorFailure.wrap(head, "at the end of input " + (input + 1), t);
            }
        }
    }

    @Override
    public boolean onControl(Marker marker, long argument) {
        metrics.marker();
        long advanced;
        switch (marker) {
            case WATERMARK -> advanced = valve.onWatermark(currentChannel, argument);
            case IDLE -> advanced = idleness(valve.onIdleness(currentChannel, true));
            case ACTIVE -> advanced = idleness(valve.onIdleness(currentChannel, false));
            case END_OF_INPUT -> {
                finishedChannels++;
                channelEnded[currentChannel] = true;
                if (--openChannelsOfInput[inputOfChannel[currentChannel]] == 0) {
                    signalEndOfInput(inputOfChannel[currentChannel]);
                }
                if (finishedChannels == channels.length && sortedInput != null) {
                    flushSortedInput();
                }
                advanced = valve.onChannelFinished(currentChannel);
            }
            case BARRIER -> {
                return onBarrier(argument);
            }
            default -> throw new IllegalStateException(name + " received " + marker + ", which it does not handle");
        }
        if (advanced == Long.MAX_VALUE) {
            // The final watermark comes only at the end of bounded input, and may arrive before the end-of-input
            // markers: what waits for the end must be processed before it fires the timers.
            if (sortedInput != null) {
                flushSortedInput();
            }
            signalEndOfInput(0);
            signalEndOfInput(1);
        }
        if (advanced != WatermarkValve.NO_WATERMARK) {
            metrics.watermark(advanced);
            try {
                head.processWatermark(advanced);
            } catch (Throwable t) {
                throw OperatorFailure.wrap(head, "on watermark " + advanced, t);
            }
            if (chain.hasPendingOutput()) {
                // The chain takes nothing more until the stopped firing resumed and completed (in later calls).
                return true;
            }
        }
        if (marker == Marker.END_OF_INPUT && barriersSeen > 0 && !barrierSeen[currentChannel]) {
            // An ended channel will send no barrier: it counts as aligned.
            completeAlignmentIfReady();
        }
        return false;
    }

    private boolean onBarrier(long checkpointId) {
        if (checkpointId < aligningCheckpoint) {
            return false;
        }
        if (checkpointId > aligningCheckpoint && barriersSeen > 0) {
            // The previous checkpoint was given up upstream; start over with the newer one.
            resetAlignment();
        }
        if (barriersSeen == 0) {
            aligningCheckpoint = checkpointId;
            aligningSince = System.currentTimeMillis();
        }
        barrierSeen[currentChannel] = true;
        barriersSeen++;
        completeAlignmentIfReady();
        return exactlyOnce && barrierSeen[currentChannel];
    }

    private void completeAlignmentIfReady() {
        int aligned = 0;
        for (int ch = 0; ch < channels.length; ch++) {
            if (barrierSeen[ch] || channelEnded[ch]) {
                aligned++;
            }
        }
        if (aligned < channels.length) {
            return;
        }
        long id = aligningCheckpoint;
        List<OperatorSubtaskSnapshot> snapshot;
        try {
            snapshot = chain.snapshot(id, aligningSince, true, checkpoints.isSavepoint(id));
        } catch (Throwable t) {
            checkpoints.decline(id, t);
            throw Sneaky.rethrow(t);
        }
        writers.emitBarrier(id);
        checkpoints.acknowledge(id, snapshot);
        resetAlignment();
    }

    private void resetAlignment() {
        java.util.Arrays.fill(barrierSeen, false);
        barriersSeen = 0;
    }

    private long idleness(long advanced) {
        if (valve.idlenessChanged()) {
            try {
                head.processIdleness(valve.isIdle());
            } catch (Throwable t) {
                throw OperatorFailure.wrap(head, "on idleness change", t);
            }
        }
        return advanced;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public boolean isCooperative() {
        return chain.isCooperative();
    }

    @Override
    public Throwable close() {
        return chain.close();
    }

    @Override
    public String name() {
        return name;
    }
}
