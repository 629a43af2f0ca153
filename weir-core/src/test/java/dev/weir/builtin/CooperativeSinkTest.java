package dev.weir.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.api.connector.source.lib.NumberSequenceSource;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A sink marked {@link CooperativeSink} runs on the job's shared worker threads; any other sink gets a thread of its own. */
@Timeout(60)
class CooperativeSinkTest {
    static final Set<String> SOURCE_THREADS = ConcurrentHashMap.newKeySet();
    static final Set<String> SINK_THREADS = ConcurrentHashMap.newKeySet();
    static final AtomicLong SUM = new AtomicLong();

    /** Adds every number and remembers the threads that wrote. */
    static class SummingSink implements Sink<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<Long> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Long element, Context context) {
                    SINK_THREADS.add(Thread.currentThread().getName());
                    SUM.addAndGet(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }
            };
        }
    }

    static final class CooperativeSummingSink extends SummingSink implements CooperativeSink {
        private static final long serialVersionUID = 1L;
    }

    private static void run(Sink<Long> sink) throws Exception {
        SOURCE_THREADS.clear();
        SINK_THREADS.clear();
        SUM.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.configure("weir.workers", "1");
        env.fromSource(new NumberSequenceSource(1, 10_000), WatermarkStrategy.noWatermarks(), "numbers")
                .map(n -> {
                    SOURCE_THREADS.add(Thread.currentThread().getName());
                    return n;
                })
                .rebalance()
                .sinkTo(sink);
        env.execute("cooperative sink");
    }

    @Test
    void aCooperativeSinkRunsOnTheSharedWorkerBesideTheSources() throws Exception {
        run(new CooperativeSummingSink());
        assertThat(SUM.get()).isEqualTo(50_005_000L);
        assertThat(SOURCE_THREADS).hasSize(1);
        assertThat(SINK_THREADS).isEqualTo(SOURCE_THREADS);
    }

    @Test
    void anyOtherSinkGetsAThreadOfItsOwnPerSubtask() throws Exception {
        run(new SummingSink());
        assertThat(SUM.get()).isEqualTo(50_005_000L);
        assertThat(SOURCE_THREADS).hasSize(1);
        assertThat(SINK_THREADS).hasSize(2).doesNotContainAnyElementsOf(SOURCE_THREADS);
    }
}
