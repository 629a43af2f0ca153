package dev.weir.engine.windowing;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.functions.co.ProcessJoinFunction;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.engine.operators.AbstractStreamOperator;
import dev.weir.engine.operators.TimestampedCollector;
import dev.weir.engine.operators.TwoInputOperator;
import dev.weir.engine.time.InternalTimer;
import dev.weir.engine.time.InternalTimerService;
import dev.weir.engine.time.Triggerable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flink's interval join: each element is buffered in keyed state by timestamp and joined with the other side's
 * buffered elements whose timestamps lie in its interval; results carry the larger timestamp. An element behind
 * the watermark is late (side output or dropped); buffers are cleaned by event-time timers once no future element
 * of the other side can match.
 */
public final class IntervalJoinOperator extends AbstractStreamOperator implements TwoInputOperator, Triggerable<String> {
    private static final String CLEANUP_LEFT = "CLEANUP_LEFT";
    private static final String CLEANUP_RIGHT = "CLEANUP_RIGHT";
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {
    };

    private final long lowerBound;
    private final long upperBound;
    private final OutputTag<?> leftLateDataOutputTag;
    private final OutputTag<?> rightLateDataOutputTag;
    private final ProcessJoinFunction<Object, Object, Object> function;

    private MapState<Long, List<Object>> leftBuffer;
    private MapState<Long, List<Object>> rightBuffer;
    private InternalTimerService<String> timerService;
    private TimestampedCollector collector;
    private ProcessJoinFunction<Object, Object, Object>.Context ctx;
    private long leftTimestamp;
    private long rightTimestamp;
    private long resultTimestamp;

    /** Bounds are inclusive here: the factory has already moved exclusive bounds inwards by one millisecond. */
    IntervalJoinOperator(long lowerBound, long upperBound, OutputTag<?> leftLateDataOutputTag, OutputTag<?> rightLateDataOutputTag,
                         ProcessJoinFunction<Object, Object, Object> function) {
        if (lowerBound > upperBound) {
            throw new IllegalArgumentException("lowerBound <= upperBound must be fulfilled, were " + lowerBound + " and " + upperBound);
        }
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.leftLateDataOutputTag = leftLateDataOutputTag;
        this.rightLateDataOutputTag = rightLateDataOutputTag;
        this.function = function;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        leftBuffer = keyedState.getOrCreateState(new MapStateDescriptor<>("LEFT_BUFFER", Long.class, (Class) List.class));
        rightBuffer = keyedState.getOrCreateState(new MapStateDescriptor<>("RIGHT_BUFFER", Long.class, (Class) List.class));
        timerService = timers.getTimerService("interval-join-cleanup", this);
        collector = new TimestampedCollector(output, this);
        ctx = function.new Context() {
            @Override
            public long getLeftTimestamp() {
                return leftTimestamp;
            }

            @Override
            public long getRightTimestamp() {
                return rightTimestamp;
            }

            @Override
            public long getTimestamp() {
                return resultTimestamp;
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                if (outputTag == null || value == null) {
                    throw new NullPointerException(describe() + " emitted " + (outputTag == null ? "to a null OutputTag" : "null")
                            + ": pass the tag you read with getSideOutput(tag) and a non-null record");
                }
                output.collect(outputTag, value, resultTimestamp);
            }
        };
        function.setRuntimeContext(context.runtimeContext());
        function.open(OPEN_CONTEXT);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    @Override
    public void processElement1(Object value, long timestamp) throws Exception {
        processElement(value, timestamp, leftBuffer, rightBuffer, lowerBound, upperBound, true);
    }

    @Override
    public void processElement2(Object value, long timestamp) throws Exception {
        processElement(value, timestamp, rightBuffer, leftBuffer, -upperBound, -lowerBound, false);
    }

    private void processElement(Object value, long timestamp, MapState<Long, List<Object>> ourBuffer, MapState<Long, List<Object>> otherBuffer,
                                long relativeLowerBound, long relativeUpperBound, boolean isLeft) throws Exception {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Long.MIN_VALUE timestamp: elements used in interval stream joins need meaningful timestamps; "
                    + "call assignTimestampsAndWatermarks(...) on both inputs of " + describe());
        }
        long watermark = timerService.currentWatermark();
        if (watermark != Long.MIN_VALUE && timestamp < watermark) {
            OutputTag<?> lateTag = isLeft ? leftLateDataOutputTag : rightLateDataOutputTag;
            if (lateTag != null) {
                output.collect(lateTag, value, timestamp);
            }
            return;
        }
        List<Object> bucket = ourBuffer.get(timestamp);
        if (bucket == null) {
            bucket = new ArrayList<>();
        }
        bucket.add(value);
        ourBuffer.put(timestamp, bucket);
        for (Map.Entry<Long, List<Object>> other : otherBuffer.entries()) {
            long otherTimestamp = other.getKey();
            if (otherTimestamp < timestamp + relativeLowerBound || otherTimestamp > timestamp + relativeUpperBound) {
                continue;
            }
            for (Object otherValue : other.getValue()) {
                if (isLeft) {
                    join(value, otherValue, timestamp, otherTimestamp);
                } else {
                    join(otherValue, value, otherTimestamp, timestamp);
                }
            }
        }
        long cleanupTime = relativeUpperBound > 0L ? timestamp + relativeUpperBound : timestamp;
        timerService.registerEventTimeTimer(isLeft ? CLEANUP_LEFT : CLEANUP_RIGHT, cleanupTime);
    }

    private void join(Object left, Object right, long leftTs, long rightTs) throws Exception {
        leftTimestamp = leftTs;
        rightTimestamp = rightTs;
        resultTimestamp = Math.max(leftTs, rightTs);
        collector.setTimestamp(resultTimestamp);
        function.processElement(left, right, ctx, collector);
    }

    @Override
    public void onEventTime(InternalTimer<String> timer) throws Exception {
        long time = timer.getTimestamp();
        if (CLEANUP_LEFT.equals(timer.getNamespace())) {
            leftBuffer.remove(upperBound <= 0L ? time : time - upperBound);
        } else {
            rightBuffer.remove(lowerBound <= 0L ? time + lowerBound : time);
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<String> timer) {
    }
}
