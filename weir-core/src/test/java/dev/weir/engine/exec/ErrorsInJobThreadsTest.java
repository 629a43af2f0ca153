package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.api.connector.source.SplitEnumerator;
import dev.weir.api.connector.source.SplitEnumeratorContext;
import dev.weir.builtin.EnumeratedSource;
import dev.weir.builtin.SplitSourceReader;
import dev.weir.runtime.client.JobExecutionException;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.streaming.api.functions.source.SourceFunction;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An {@link Error} (an {@link OutOfMemoryError}, a {@link StackOverflowError}) thrown in any thread of a running job
 * fails the job with that cause and the name of the operator, as Flink fails the task and the job; it never leaves
 * {@code execute()} waiting. The timeout guards against a hang only.
 */
@Timeout(120)
class ErrorsInJobThreadsTest {
    static final OutOfMemoryError OUT_OF_MEMORY = new OutOfMemoryError("test");
    static final OutOfMemoryError SOURCE_OUT_OF_MEMORY = new OutOfMemoryError("source thread");
    static final OutOfMemoryError ENUMERATOR_OUT_OF_MEMORY = new OutOfMemoryError("enumerator thread");

    @Test
    void anOutOfMemoryErrorInAUserFunctionFailsTheJobWithItAsTheCauseNamingTheOperator() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 1_000).rebalance()
                .map(i -> {
                    if (i == 500) {
                        throw OUT_OF_MEMORY;
                    }
                    return i;
                }).name("allocate")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("out-of-memory"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageStartingWith("Job 'out-of-memory' failed: Map 'allocate' (")
                .hasMessageEndingWith(" failed on record '500': java.lang.OutOfMemoryError: test")
                .cause().isSameAs(OUT_OF_MEMORY);
    }

    @Test
    void aStackOverflowErrorInAUserFunctionFailsTheJobWithItAsTheCauseNamingTheOperator() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData(3L).map(ErrorsInJobThreadsTest::recurseForever).name("recurse")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("stack-overflow"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessage("Job 'stack-overflow' failed: Map 'recurse' (1/1) failed on record '3': java.lang.StackOverflowError")
                .hasCauseExactlyInstanceOf(StackOverflowError.class);
    }

    @Test
    void anErrorWithNoRoomToDescribeItStillFailsTheJobWithItAsTheCause() {
        // As under a full heap: every attempt to describe the error (for the message naming the operator, for the
        // dashboard's stack trace) throws another; the job still fails, with the last one as its cause.
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 1_000).rebalance()
                .map(i -> {
                    if (i == 500) {
                        throw new NoRoomToDescribe();
                    }
                    return i;
                }).name("allocate")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("no-room"))
                .isExactlyInstanceOf(ExecutionException.class)
                .hasMessage("dev.weir.engine.exec.ErrorsInJobThreadsTest$NoRoomToDescribe: no room")
                .hasCauseExactlyInstanceOf(NoRoomToDescribe.class);
    }

    @Test
    void anErrorInALegacySourceThreadFailsTheJobNamingTheSource() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.addSource(new SourceFunction<Long>() {
            @Override
            public void run(SourceContext<Long> ctx) {
                ctx.collect(1L);
                throw SOURCE_OUT_OF_MEMORY;
            }

            @Override
            public void cancel() {
            }
        }).name("numbers").sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("source-thread"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessage("Job 'source-thread' failed: Source 'numbers' -> 'Sink' (1/1) failed while reading: "
                        + "java.lang.OutOfMemoryError: source thread")
                .cause().isSameAs(SOURCE_OUT_OF_MEMORY);
    }

    @Test
    void anErrorInTheSplitEnumeratorsThreadFailsTheJobNamingTheSource() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSource(new EnumeratorFails(), WatermarkStrategy.noWatermarks(), "ranges")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("enumerator-thread"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageStartingWith("Job 'enumerator-thread' failed: Source 'ranges' -> 'Sink' (")
                .hasMessageEndingWith("/2) failed while its split enumerator ran: java.lang.IllegalStateException: "
                        + "The split enumerator of Source 'ranges' failed: java.lang.OutOfMemoryError: enumerator thread")
                .hasRootCause(ENUMERATOR_OUT_OF_MEMORY);
    }

    @Test
    void aJobAfterOneThatFailedWithAnErrorRunsNormally() throws Exception {
        StreamExecutionEnvironment failing = StreamExecutionEnvironment.createLocalEnvironment(2);
        failing.fromSequence(1, 100).rebalance().map(i -> {
            throw OUT_OF_MEMORY;
        }).sinkTo(new DiscardingSink<>());
        assertThatThrownBy(() -> failing.execute("fails")).cause().isSameAs(OUT_OF_MEMORY);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        assertThat(env.fromSequence(1, 100).rebalance().map(i -> i * 2).executeAndCollect(1_000)).hasSize(100);
    }

    private static long recurseForever(long depth) {
        return recurseForever(depth + 1) + 1;
    }

    /**
     * An OutOfMemoryError that the job's own threads (named {@code weir-...}) have no room to describe: there, describing
     * it throws another like it. Other threads (the test's) describe it as usual.
     */
    static final class NoRoomToDescribe extends OutOfMemoryError {
        private static final long serialVersionUID = 1L;

        NoRoomToDescribe() {
            super("no room");
        }

        @Override
        public String getMessage() {
            failOnAJobThread();
            return super.getMessage();
        }

        @Override
        public String toString() {
            failOnAJobThread();
            return super.toString();
        }

        private static void failOnAJobThread() {
            if (Thread.currentThread().getName().startsWith("weir-")) {
                throw new NoRoomToDescribe();
            }
        }
    }

    /** {@link RangeSplitSource}, except that its enumerator cannot be created: the coordinator thread throws an Error. */
    static final class EnumeratorFails implements EnumeratedSource<Long, RangeSplitSource.Range, ArrayList<RangeSplitSource.Range>> {
        private static final long serialVersionUID = 1L;
        private final RangeSplitSource ranges = new RangeSplitSource(4, false);

        @Override
        public Boundedness getBoundedness() {
            return ranges.getBoundedness();
        }

        @Override
        public SplitEnumerator<RangeSplitSource.Range, ArrayList<RangeSplitSource.Range>> createEnumerator(
                SplitEnumeratorContext<RangeSplitSource.Range> context) {
            throw ENUMERATOR_OUT_OF_MEMORY;
        }

        @Override
        public SplitEnumerator<RangeSplitSource.Range, ArrayList<RangeSplitSource.Range>> restoreEnumerator(
                SplitEnumeratorContext<RangeSplitSource.Range> context, ArrayList<RangeSplitSource.Range> checkpoint) {
            throw ENUMERATOR_OUT_OF_MEMORY;
        }

        @Override
        public SplitSourceReader<Long, RangeSplitSource.Range> createReader(SourceReaderContext context) {
            return ranges.createReader(context);
        }
    }
}
