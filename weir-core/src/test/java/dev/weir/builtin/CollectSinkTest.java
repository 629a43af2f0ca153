package dev.weir.builtin;

import dev.weir.api.connector.sink2.NoTimestampContext;
import dev.weir.api.connector.sink2.TestWriterInitContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.runtime.client.JobExecutionException;
import dev.weir.api.common.JobID;
import dev.weir.api.connector.sink2.SinkWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CollectSinkTest {
    private final AtomicInteger closes = new AtomicInteger();

    private static <T> SinkWriter<T> writer(CollectSink<T> sink, int subtask, int parallelism) {
        return sink.createWriter(new TestWriterInitContext(subtask, parallelism));
    }

    private static <T> List<T> drain(CollectIterator<T> iterator) {
        List<T> result = new ArrayList<>();
        iterator.forEachRemaining(result::add);
        return result;
    }

    @Test
    void theIteratorEndsOnlyAfterEveryWriterFinished() throws Exception {
        CollectSink<String> sink = new CollectSink<>();
        CollectIterator<String> iterator = new CollectIterator<>(sink, closes::incrementAndGet);
        SinkWriter<String> first = writer(sink, 0, 3);
        SinkWriter<String> second = writer(sink, 1, 3);
        SinkWriter<String> third = writer(sink, 2, 3);

        first.write("a", NoTimestampContext.INSTANCE);
        second.write("b", NoTimestampContext.INSTANCE);
        first.flush(true);
        third.flush(true);
        second.write("late", NoTimestampContext.INSTANCE);
        second.flush(false);
        second.flush(true);

        assertThat(drain(iterator)).containsExactly("a", "b", "late");
        assertThat(iterator.hasNext()).isFalse();
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aWriterThatReportsTheEndTwiceCountsOnce() throws Exception {
        CollectSink<String> sink = new CollectSink<>();
        CollectIterator<String> iterator = new CollectIterator<>(sink, closes::incrementAndGet);
        SinkWriter<String> first = writer(sink, 0, 2);
        SinkWriter<String> second = writer(sink, 1, 2);

        first.flush(true);
        first.flush(true);
        second.write("still counted", NoTimestampContext.INSTANCE);
        second.flush(true);

        assertThat(drain(iterator)).containsExactly("still counted");
    }

    @Test
    void moreElementsThanTheQueueHoldsReachTheConsumerInOrder() throws Exception {
        CollectSink<Integer> sink = new CollectSink<>(2);
        CollectIterator<Integer> iterator = new CollectIterator<>(sink, closes::incrementAndGet);
        SinkWriter<Integer> writer = writer(sink, 0, 1);

        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 1000; i++) {
                    writer.write(i, NoTimestampContext.INSTANCE);
                }
                writer.flush(true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(drain(iterator)).isEqualTo(IntStream.range(0, 1000).boxed().toList());
        producer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void writersTakeTurnsSoAWriterThatIsAlwaysAheadCannotKeepAnotherWaiting() throws Exception {
        // Eight slots per writer: the writer that is ahead never has to wait in this single-threaded test.
        CollectSink<String> sink = new CollectSink<>(16);
        CollectIterator<String> iterator = new CollectIterator<>(sink, closes::incrementAndGet);
        SinkWriter<String> ahead = writer(sink, 0, 2);
        SinkWriter<String> behind = writer(sink, 1, 2);
        for (int i = 0; i < 4; i++) {
            ahead.write("ahead-" + i, NoTimestampContext.INSTANCE);
        }
        behind.write("behind-0", NoTimestampContext.INSTANCE);
        behind.write("behind-1", NoTimestampContext.INSTANCE);

        List<String> firstFour = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            firstFour.add(iterator.next());
            // The writer that is ahead refills its queue after every take, as an unbounded source would.
            ahead.write("ahead-" + (4 + i), NoTimestampContext.INSTANCE);
        }

        assertThat(firstFour).containsExactly("ahead-0", "behind-0", "ahead-1", "behind-1");
    }

    @Test
    void eachWritersElementsArriveInTheOrderItWroteThemWhileWritersRunAtOnce() throws Exception {
        // 21 slots per writer: every queue fills and wraps many times, few enough wake-ups for a loaded machine.
        CollectSink<String> sink = new CollectSink<>(64);
        CollectIterator<String> iterator = new CollectIterator<>(sink, closes::incrementAndGet);
        List<CompletableFuture<Void>> producers = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            SinkWriter<String> writer = writer(sink, subtask, 3);
            String name = "w" + subtask + "-";
            producers.add(CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 5_000; i++) {
                        writer.write(name + i, NoTimestampContext.INSTANCE);
                    }
                    writer.flush(true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, runnable -> new Thread(runnable).start()));
        }

        List<String> all = drain(iterator);

        for (CompletableFuture<Void> producer : producers) {
            producer.get(10, TimeUnit.SECONDS);
        }
        assertThat(all).hasSize(15_000);
        for (int subtask = 0; subtask < 3; subtask++) {
            String name = "w" + subtask + "-";
            assertThat(all.stream().filter(e -> e.startsWith(name)).toList())
                    .isEqualTo(IntStream.range(0, 5_000).mapToObj(i -> name + i).toList());
        }
    }

    @Test
    void aConsumerWaitingForElementsIsWokenByTheNextWrite() throws Exception {
        CollectSink<String> sink = new CollectSink<>();
        CollectIterator<String> iterator = new CollectIterator<>(sink, closes::incrementAndGet);
        SinkWriter<String> writer = writer(sink, 0, 1);
        CompletableFuture<String> consumer = CompletableFuture.supplyAsync(iterator::next,
                runnable -> new Thread(runnable).start());
        while (!consumer.isDone() && !aConsumerIsParkedInTheSink()) {
            Thread.onSpinWait();
        }

        writer.write("wake", NoTimestampContext.INSTANCE);

        assertThat(consumer.get(10, TimeUnit.SECONDS)).isEqualTo("wake");
    }

    @Test
    void aRestartedJobsWriterContinuesItsPredecessorsQueue() throws Exception {
        CollectSink<String> sink = new CollectSink<>();
        CollectIterator<String> iterator = new CollectIterator<>(sink, closes::incrementAndGet);
        writer(sink, 0, 1).write("first attempt", NoTimestampContext.INSTANCE);
        SinkWriter<String> restarted = writer(sink, 0, 1);

        restarted.write("second attempt", NoTimestampContext.INSTANCE);
        restarted.flush(true);

        assertThat(drain(iterator)).containsExactly("first attempt", "second attempt");
    }

    @Test
    void aWriterOfAJobWithAnotherParallelismIsRefused() {
        CollectSink<String> sink = new CollectSink<>();
        writer(sink, 0, 2);

        assertThatThrownBy(() -> writer(sink, 0, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parallelism 3");
    }

    @Test
    void aCheckedFailureIsRethrownWrappedByHasNextAndNext() throws Exception {
        CollectSink<String> sink = new CollectSink<>();
        CollectIterator<String> iterator = new CollectIterator<>(sink, closes::incrementAndGet);
        writer(sink, 0, 1).write("before", NoTimestampContext.INSTANCE);
        JobExecutionException failure = new JobExecutionException(JobID.generate(), "Job failed in Map (1/1)", new ArithmeticException("/ by zero"));

        sink.fail(failure);

        assertThatThrownBy(iterator::hasNext).isInstanceOf(RuntimeException.class).hasCause(failure).hasMessageContaining("Job failed in Map (1/1)");
        assertThatThrownBy(iterator::next).hasCause(failure);
    }

    @Test
    void anUncheckedFailureIsRethrownAsItIs() {
        CollectSink<String> sink = new CollectSink<>();
        CollectIterator<String> iterator = new CollectIterator<>(sink, closes::incrementAndGet);
        IllegalStateException failure = new IllegalStateException("boom");

        sink.fail(failure);
        sink.fail(new IllegalArgumentException("a later failure"));

        assertThatThrownBy(iterator::hasNext).isSameAs(failure);
    }

    @Test
    void aFailureWakesAConsumerWaitingForElements() throws Exception {
        CollectSink<String> sink = new CollectSink<>();
        CollectIterator<String> iterator = new CollectIterator<>(sink, closes::incrementAndGet);
        CompletableFuture<Boolean> consumer = CompletableFuture.supplyAsync(iterator::hasNext);

        sink.fail(new IllegalStateException("task failed"));

        assertThatThrownBy(() -> consumer.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().hasMessage("task failed");
    }

    @Test
    void aFailureReleasesAWriterWaitingOnAFullQueue() throws Exception {
        CollectSink<Integer> sink = new CollectSink<>(1);
        new CollectIterator<>(sink, closes::incrementAndGet);
        SinkWriter<Integer> writer = writer(sink, 0, 1);
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 5; i++) {
                    writer.write(i, NoTimestampContext.INSTANCE);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        sink.fail(new IllegalStateException("job failed"));

        producer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void closingTheIteratorRunsTheCloseActionOnceAndReleasesWaitingWriters() throws Exception {
        CollectSink<Integer> sink = new CollectSink<>(1);
        CollectIterator<Integer> iterator = new CollectIterator<>(sink, closes::incrementAndGet);
        SinkWriter<Integer> writer = writer(sink, 0, 1);
        writer.write(1, NoTimestampContext.INSTANCE);
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 2; i < 10; i++) {
                    writer.write(i, NoTimestampContext.INSTANCE);
                }
                writer.flush(true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        iterator.close();
        iterator.close();

        producer.get(10, TimeUnit.SECONDS);
        assertThat(closes).hasValue(1);
        assertThat(iterator.hasNext()).isFalse();
    }

    @Test
    void closingAfterTheEndStillRunsTheCloseActionOnce() throws Exception {
        CollectSink<String> sink = new CollectSink<>();
        CollectIterator<String> iterator = new CollectIterator<>(sink, closes::incrementAndGet);
        writer(sink, 0, 1).flush(true);

        assertThat(iterator.hasNext()).isFalse();
        iterator.close();

        assertThat(closes).hasValue(1);
    }

    @Test
    void givenTheJobsEndTheIteratorEndsOnlyOnceTheJobHasTerminated() throws Exception {
        CollectSink<String> sink = new CollectSink<>();
        CompletableFuture<String> jobEnd = new CompletableFuture<>();
        CollectIterator<String> iterator = new CollectIterator<>(sink, closes::incrementAndGet, jobEnd);
        SinkWriter<String> writer = writer(sink, 0, 1);
        writer.write("a", NoTimestampContext.INSTANCE);
        writer.flush(true);

        assertThat(iterator.next()).isEqualTo("a");
        CompletableFuture<Boolean> more = CompletableFuture.supplyAsync(iterator::hasNext,
                runnable -> new Thread(runnable).start());
        Thread.sleep(50);
        assertThat(more).as("the writers finished but the job has not").isNotDone();
        jobEnd.complete("finished");

        assertThat(more.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void givenTheJobsEndAFailureAfterTheLastElementIsThrownAtTheEnd() throws Exception {
        CollectSink<String> sink = new CollectSink<>();
        CompletableFuture<String> jobEnd = new CompletableFuture<>();
        CollectIterator<String> iterator = new CollectIterator<>(sink, closes::incrementAndGet, jobEnd);
        writer(sink, 0, 1).flush(true);
        jobEnd.completeExceptionally(new IllegalStateException("the final checkpoint failed"));

        assertThatThrownBy(iterator::hasNext).isInstanceOf(IllegalStateException.class)
                .hasMessage("the final checkpoint failed");
    }

    @Test
    void refusesNullElementsNamingTheSubtask() {
        SinkWriter<String> writer = writer(new CollectSink<>(), 2, 3);

        assertThatThrownBy(() -> writer.write(null, NoTimestampContext.INSTANCE))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("subtask 2");
    }

    @Test
    void aSerializedCopyRefusesToCreateWriters() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new CollectSink<String>());
        }
        @SuppressWarnings("unchecked")
        CollectSink<String> copy = (CollectSink<String>) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();

        assertThatThrownBy(() -> writer(copy, 0, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only in the process that created it");
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatThrownBy(() -> new CollectSink<String>(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    /** Whether a thread waits, parked, in a sink's {@code take}: the state in which only a writer's wake-up helps. */
    private static boolean aConsumerIsParkedInTheSink() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().equals(CollectSink.class.getName()) && frame.getMethodName().equals("take")
                        && t.getState() == Thread.State.WAITING) {
                    return true;
                }
            }
        }
        return false;
    }
}
