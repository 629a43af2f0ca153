package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.api.common.JobStatus;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.core.execution.JobClient;
import dev.weir.engine.status.ExceptionRecord;
import dev.weir.engine.status.JobRegistry;
import dev.weir.engine.status.JobView;
import dev.weir.runtime.client.JobExecutionException;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A failure in an operator's close() is never dropped: it fails a job that ended normally, and is listed after a cancel. */
@Timeout(60)
class CloseFailureTest {
    /** How many writers have started; the cancel test waits for its one writer. */
    static final AtomicInteger STARTED = new AtomicInteger();

    @Test
    void aSinkThatFailsToFlushInCloseFailsAJobThatReachedTheEndOfItsInput() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData("a", "b", "c").sinkTo(new FailingToFlushSink()).name("rows");

        assertThatThrownBy(() -> env.execute("close-fails"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("Job 'close-fails' failed")
                .hasMessageContaining("rows")
                .hasMessageContaining("in close()")
                .hasRootCauseInstanceOf(IOException.class)
                .hasRootCauseMessage("disk full: 3 rows not flushed");
    }

    @Test
    void aCloseFailureAfterACancelIsListedInTheJobsExceptions() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSource(new DataGeneratorSource<>(i -> "row " + i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(100)),
                        WatermarkStrategy.noWatermarks(), "rows")
                .sinkTo(new FailingToFlushSink()).name("rows");
        int before = STARTED.get();
        JobClient client = env.executeAsync("close-fails-on-cancel");
        JobView job = JobRegistry.global().job(client.getJobID().toString());
        while (STARTED.get() == before) {
            Thread.sleep(5);
        }
        client.cancel().get();

        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
        assertThatThrownBy(() -> client.getJobExecutionResult().get()).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("was cancelled");
        assertThat(job.exceptions()).extracting(ExceptionRecord::message).singleElement().asString()
                .contains("rows").contains("in close()").contains("disk full");
    }

    /** Counts what it was given and fails in close(), as a sink whose last flush hits a full disk. */
    static final class FailingToFlushSink implements Sink<String> {
        @Override
        public SinkWriter<String> createWriter(WriterInitContext context) {
            STARTED.incrementAndGet();
            return new SinkWriter<>() {
                private int unflushed;

                @Override
                public void write(String element, Context ctx) {
                    unflushed++;
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() throws IOException {
                    throw new IOException("disk full: " + (unflushed == 3 ? "3" : "some") + " rows not flushed");
                }
            };
        }
    }
}
