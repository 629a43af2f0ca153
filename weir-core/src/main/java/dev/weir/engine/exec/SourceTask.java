package dev.weir.engine.exec;

import dev.weir.core.io.InputStatus;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.Source;
import dev.weir.api.connector.source.SourceOutput;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.metrics.MetricGroup;
import dev.weir.api.common.eventtime.TimestampAssigner;
import dev.weir.api.common.eventtime.TimestampAssignerSupplier;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkGeneratorSupplier;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.builtin.LongReaderOutput;
import dev.weir.builtin.ReaderYield;
import dev.weir.builtin.SplitSourceReader;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.OperatorSubtaskSnapshot;
import dev.weir.engine.operators.OperatorFailure;
import dev.weir.engine.operators.Output;
import dev.weir.engine.operators.WatermarkEmitter;
import dev.weir.engine.time.ProcessingTimeCallback;
import dev.weir.engine.time.ProcessingTimeService;
import dev.weir.plan.SourceFunctionSource;
import dev.weir.streaming.api.functions.source.SourceFunction;
import java.util.List;

/**
 * Runs one subtask of a source and the operators chained to it: polls the reader, assigns timestamps, runs the
 * watermark generator (per element and every auto-watermark interval), and at the end of bounded input emits the
 * final {@code Long.MAX_VALUE} watermark, ends the chain and sends end-of-input downstream.
 */
final class SourceTask implements Tasklet, ReaderOutput<Object>, ReaderYield, LongReaderOutput, SourceReaderContext,
        TaskCheckpoints.Triggerable {
    private static final int POLLS_PER_CALL = 64;
    /** The operator-state entry holding the reader's position. */
    static final String POSITION = "_source_position";

    private final String name;
    private final Source<Object> source;
    private final WatermarkStrategy<Object> strategy;
    private final int subtaskIndex;
    private final int parallelism;
    private final Output output;
    private final Chain chain;
    private final TaskWriters writers;
    private final ProcessingTimeService processingTime;
    private final long watermarkInterval;
    private final MetricGroup metrics;
    private final String operatorId;
    private final String sourceName;
    private final int maxParallelism;
    private final SourceRestore restore;
    private TaskCheckpoints checkpoints;
    /** The split enumerator's coordinator and this reader's gateway from it; null for a source without an enumerator. */
    private SourceCoordinator<?, ?> coordinator;
    private ReaderGateway gateway;
    private LegacySourceSetup legacySetup;
    private dev.weir.engine.status.TaskMetrics taskMetrics = new dev.weir.engine.status.TaskMetrics();

    private SourceReader<Object> reader;
    private TimestampAssigner<Object> assigner;
    private WatermarkGenerator<Object> generator;
    private WatermarkEmitter emitter;
    private SplitWatermarks splits;
    private int emitted;
    private boolean ended;
    /**
     * Classes, not method references: a source task's start then links no lambda (each costs class loading in a JVM's
     * first job), and the periodic watermark's timer re-registers one instance instead of a new one per interval.
     */
    private final SplitWatermarks.ElementSink splitElements = new SplitWatermarks.ElementSink() {
        @Override
        public void emit(Object record, long timestamp, WatermarkGenerator<Object> generator, WatermarkOutput watermarks) {
            SourceTask.this.emit(record, timestamp, generator, watermarks);
        }
    };
    private final ProcessingTimeCallback periodicWatermarkTimer = new ProcessingTimeCallback() {
        @Override
        public void onProcessingTime(long time) {
            periodicWatermark(time);
        }
    };
    private boolean done;

    SourceTask(String name, Source<Object> source, WatermarkStrategy<Object> strategy, int subtaskIndex, int parallelism,
               Output output, Chain chain, TaskWriters writers, ProcessingTimeService processingTime,
               long watermarkInterval, MetricGroup metrics, String operatorId, String sourceName, int maxParallelism,
               SourceRestore restore) {
        this.operatorId = operatorId;
        this.sourceName = sourceName;
        this.maxParallelism = maxParallelism;
        this.restore = restore;
        this.name = name;
        this.source = source;
        this.strategy = strategy;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.output = output;
        this.chain = chain;
        this.writers = writers;
        this.processingTime = processingTime;
        this.watermarkInterval = watermarkInterval;
        this.metrics = metrics;
    }

    /** What a restored source resumes from: its reader's position, or that it had finished. */
    record SourceRestore(Object position, boolean finished) {
        static final SourceRestore FRESH = new SourceRestore(null, false);
    }

    /** What a legacy {@code SourceFunction} needs besides the source: its runtime context and restored operator state. */
    record LegacySourceSetup(dev.weir.api.common.functions.RuntimeContext runtimeContext,
                             java.util.Map<String, dev.weir.engine.checkpoint.OperatorStateSnapshot.Entry> operatorState,
                             boolean restored) {
    }

    void setLegacySourceSetup(LegacySourceSetup setup) {
        this.legacySetup = setup;
    }

    void setCheckpoints(TaskCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** Makes this the reader of an enumerated source: splits, events and checkpoints come through {@code gateway}. */
    void setCoordinator(SourceCoordinator<?, ?> coordinator, ReaderGateway gateway) {
        this.coordinator = coordinator;
        this.gateway = gateway;
    }

    void setMetrics(dev.weir.engine.status.TaskMetrics taskMetrics) {
        this.taskMetrics = taskMetrics;
    }

    @Override
    public void init() throws Exception {
        chain.open();
        if (restore.finished()) {
            // It had read everything before the checkpoint; downstream only needs to hear that it ended.
            emitter = new WatermarkEmitter(output);
            emitter.emitWatermark(Long.MAX_VALUE);
            finish();
            return;
        }
        assigner = strategy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {
        });
        generator = strategy.createWatermarkGenerator(new WatermarkGeneratorSupplier.Context() {
        });
        emitter = new WatermarkEmitter(output);
        splits = new SplitWatermarks(strategy, emitter, splitElements);
        try {
            reader = createReader();
            if (coordinator != null) {
                startSplitReader();
            } else {
                if (restore.position() != null) {
                    reader.restoreState(restore.position());
                }
                reader.start();
            }
        } catch (Throwable t) {
            throw new OperatorFailure(name, "while starting its reader", t);
        }
        if (watermarkInterval > 0) {
            processingTime.registerTimer(processingTime.getCurrentProcessingTime() + watermarkInterval, periodicWatermarkTimer);
        }
    }

    /** As Flink: the restored splits first, then the reader registers with the enumerator, then it starts. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void startSplitReader() throws Exception {
        if (!(reader instanceof SplitSourceReader splitReader)) {
            throw new IllegalStateException("an EnumeratedSource must create a SplitSourceReader, not " + reader.getClass().getName());
        }
        if (restore.position() != null) {
            if (!(restore.position() instanceof List<?> splits)) {
                throw new IllegalStateException("the restored state of its reader is " + restore.position().getClass().getName()
                        + ", not the list of splits a SplitSourceReader snapshots: the checkpoint was taken by another version "
                        + "of the source; start the job without restoring it");
            }
            splitReader.addSplits(splits);
        }
        coordinator.registerReader(subtaskIndex);
        reader.start();
    }

    @SuppressWarnings("unchecked")
    private SourceReader<Object> createReader() throws Exception {
        if (source instanceof SourceFunctionSource<?> legacy) {
            LegacySourceSetup setup = legacySetup;
            if (setup == null) {
                throw new IllegalStateException(name + ": a SourceFunction needs its legacy source setup from the task wiring");
            }
            return new SourceFunctionReader((SourceFunction<Object>) legacy.function(), name, emitter, setup.runtimeContext(),
                    setup.operatorState(), setup.restored());
        }
        return source.createReader(this);
    }

    private void periodicWatermark(long time) {
        if (splits.active()) {
            splits.onPeriodicEmit();
        } else {
            generator.onPeriodicEmit(emitter);
        }
        processingTime.registerTimer(time + watermarkInterval, periodicWatermarkTimer);
    }

    @Override
    public int call() throws Exception {
        if (ended) {
            done = writers.flush();
            return done ? 1 : 0;
        }
        if (!writers.flush()) {
            taskMetrics.endCall(true);
            return 0;
        }
        int work = checkpoints.processInbox(this) + processingTime.fireDueTimers();
        if (gateway != null && !ended) {
            work += fromCoordinator();
        }
        if (ended) {
            return work;
        }
        emitted = 0;
        for (int i = 0; i < POLLS_PER_CALL && !writers.hasBacklog(); i++) {
            InputStatus status;
            try {
                status = reader.pollNext(this);
            } catch (OperatorFailure f) {
                throw f;
            } catch (Throwable t) {
                throw new OperatorFailure(name, "while reading", t);
            }
            if (status == InputStatus.END_OF_INPUT) {
                endOfInput();
                work++;
                break;
            }
            if (status == InputStatus.NOTHING_AVAILABLE) {
                break;
            }
            if (timerOrCheckpointWaiting()) {
                break;
            }
        }
        writers.flush();
        taskMetrics.read(emitted);
        taskMetrics.watermark(emitter.currentWatermark());
        taskMetrics.endCall(writers.hasBacklog());
        return work + emitted;
    }

    /** Delivers what the split enumerator sent, in order (a checkpoint among it is taken here); fails with the enumerator. */
    private int fromCoordinator() throws Exception {
        Throwable failed = coordinator.failure();
        if (failed != null) {
            throw new OperatorFailure(name, "while its split enumerator ran", failed);
        }
        return gateway.deliver((SplitSourceReader<?, ?>) reader, this, name);
    }

    /**
     * Whether a processing-time timer fell due (the periodic watermark among them) or the coordinator sent a request
     * while the reader was polled: a poll that ran a slow chained operator can take long, and those wait for the call.
     */
    private boolean timerOrCheckpointWaiting() {
        return processingTime.nextTimerTime() < processingTime.getCurrentProcessingTime() || yieldRequested();
    }

    /**
     * A reader asks after each record: a checkpoint request ends its poll, so the barrier does not wait for the rest
     * of a poll's records to pass a slow chained operator.
     */
    @Override
    public boolean yieldRequested() {
        return checkpoints.hasRequests() || (gateway != null && gateway.hasItems());
    }

    private void endOfInput() throws Exception {
        emitter.emitWatermark(Long.MAX_VALUE);
        chain.endInput();
        finish();
    }

    private void finish() throws Exception {
        checkpoints.finished(snapshot(-1, System.currentTimeMillis(), false));
        writers.emitEndOfInput();
        ended = true;
        taskMetrics.watermark(emitter.currentWatermark());
        taskMetrics.finished();
    }

    @Override
    public void drain() {
        emitter.emitWatermark(Long.MAX_VALUE);
    }

    @Override
    public void checkpointComplete(long checkpointId) {
        if (reader == null || ended) {
            return;
        }
        try {
            reader.notifyCheckpointComplete(checkpointId);
        } catch (Throwable t) {
            throw new OperatorFailure(name, "while handling completed checkpoint " + checkpointId, t);
        }
    }

    @Override
    public void takeCheckpoint(long checkpointId, long timestamp) throws Exception {
        List<OperatorSubtaskSnapshot> snapshot;
        try {
            snapshot = snapshot(checkpointId, timestamp, true);
        } catch (Throwable t) {
            checkpoints.decline(checkpointId, t);
            throw t;
        }
        writers.emitBarrier(checkpointId);
        // Published now, not at the end of this call: the call polls on, and a slow chained operator can make that long.
        writers.flush();
        checkpoints.acknowledge(checkpointId, snapshot);
    }

    private List<OperatorSubtaskSnapshot> snapshot(long checkpointId, long timestamp, boolean withKeyedState) throws Exception {
        OperatorStateSnapshot position = new OperatorStateSnapshot();
        if (reader instanceof SourceFunctionReader legacy && !ended) {
            legacy.snapshotInto(position, checkpointId, timestamp);
        } else if (reader != null && !ended) {
            Object state = reader.snapshotState(checkpointId);
            position.put(POSITION, OperatorStateSnapshot.Mode.SUBTASK, state == null ? List.of() : List.of(state));
        }
        List<OperatorSubtaskSnapshot> all = new java.util.ArrayList<>();
        all.add(new OperatorSubtaskSnapshot(operatorId, sourceName, parallelism, maxParallelism, subtaskIndex, position, 0, null));
        all.addAll(chain.snapshot(checkpointId, timestamp, withKeyedState, checkpoints.isSavepoint(checkpointId)));
        return all;
    }

    @Override
    public void collect(Object record) {
        collect(record, Output.NO_TIMESTAMP);
    }

    @Override
    public void collect(Object record, long timestamp) {
        emit(record, timestamp, generator, emitter);
    }

    /**
     * {@link #emit} of the boxed value, written out rather than called: this method is what the JIT compiles with the
     * chain inlined, and the box must be made in it for escape analysis to remove it (see {@link LongReaderOutput});
     * a call to {@code emit}, compiled on its own first, would take the box out of this method.
     */
    @Override
    public void collectLong(long value) {
        Long record = value;
        long ts = assigner.extractTimestamp(record, Output.NO_TIMESTAMP);
        emitter.markActive();
        output.collect(record, ts);
        generator.onEvent(record, ts, emitter);
        emitted++;
    }

    /** Sends an element downstream; {@code watermarks} is the whole task's or, for a split's element, the split's. */
    private void emit(Object record, long timestamp, WatermarkGenerator<Object> generator, WatermarkOutput watermarks) {
        if (record == null) {
            throw new OperatorFailure(name, "while reading", new NullPointerException("the source emitted null: records must not be null"));
        }
        long ts = assigner.extractTimestamp(record, timestamp);
        emitter.markActive();
        output.collect(record, ts);
        generator.onEvent(record, ts, watermarks);
        emitted++;
    }

    @Override
    public SourceOutput<Object> createOutputForSplit(String splitId) {
        return splits.create(splitId);
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
        splits.release(splitId);
    }

    @Override
    public void markIdle() {
        emitter.markIdle();
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
        Throwable readerFailure = null;
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (Throwable t) {
            readerFailure = new IllegalStateException("The source reader of " + name + " failed in close(): " + t, t);
        }
        Throwable chainFailure = chain.close();
        if (readerFailure != null && chainFailure != null) {
            readerFailure.addSuppressed(chainFailure);
        }
        return readerFailure != null ? readerFailure : chainFailure;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int getIndexOfSubtask() {
        return subtaskIndex;
    }

    @Override
    public int getParallelism() {
        return parallelism;
    }

    @Override
    public MetricGroup metricGroup() {
        return metrics;
    }

    @Override
    public void sendSplitRequest() {
        if (coordinator == null) {
            SourceReaderContext.super.sendSplitRequest();
        }
        coordinator.splitRequest(subtaskIndex);
    }

    @Override
    public void sendSourceEventToCoordinator(dev.weir.api.connector.source.SourceEvent sourceEvent) {
        if (coordinator == null) {
            SourceReaderContext.super.sendSourceEventToCoordinator(sourceEvent);
        }
        coordinator.eventFromReader(subtaskIndex, sourceEvent);
    }
}
