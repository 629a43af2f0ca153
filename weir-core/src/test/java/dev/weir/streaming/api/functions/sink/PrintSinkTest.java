package dev.weir.streaming.api.functions.sink;

import dev.weir.api.common.functions.util.PrintSinkOutputWriter;
import dev.weir.api.connector.sink2.NoTimestampContext;
import dev.weir.api.connector.sink2.TestRuntimeContext;
import dev.weir.api.connector.sink2.TestWriterInitContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.connector.sink2.SinkWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrintSinkTest {
    private static final String NL = System.lineSeparator();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardStreams() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private static void printAll(PrintSink<Object> sink, int subtask, int parallelism, Object... elements) throws Exception {
        try (SinkWriter<Object> writer = sink.createWriter(new TestWriterInitContext(subtask, parallelism))) {
            for (Object element : elements) {
                writer.write(element, NoTimestampContext.INSTANCE);
            }
            writer.flush(true);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void atParallelismOneWithoutIdentifierLinesHaveNoPrefix() throws Exception {
        printAll(new PrintSink<>(), 0, 1, "hello", 42);

        assertThat(out()).isEqualTo("hello" + NL + "42" + NL);
        assertThat(err()).isEmpty();
    }

    @Test
    void aboveParallelismOneLinesArePrefixedWithTheSubtaskNumber() throws Exception {
        printAll(new PrintSink<>(), 2, 4, "hello");

        assertThat(out()).isEqualTo("3> hello" + NL);
    }

    @Test
    void anIdentifierAloneIsThePrefixAtParallelismOne() throws Exception {
        printAll(new PrintSink<>("words"), 0, 1, "hello");

        assertThat(out()).isEqualTo("words> hello" + NL);
    }

    @Test
    void anIdentifierIsFollowedByTheSubtaskNumberAboveParallelismOne() throws Exception {
        printAll(new PrintSink<>("words"), 0, 2, "hello");

        assertThat(out()).isEqualTo("words:1> hello" + NL);
    }

    @Test
    void stdErrPrintsToStandardError() throws Exception {
        printAll(new PrintSink<>(true), 1, 2, "oops");

        assertThat(err()).isEqualTo("2> oops" + NL);
        assertThat(out()).isEmpty();
    }

    @Test
    void anIdentifierWithStdErrPrintsPrefixedToStandardError() throws Exception {
        printAll(new PrintSink<>("errs", true), 0, 1, "oops");

        assertThat(err()).isEqualTo("errs> oops" + NL);
        assertThat(out()).isEmpty();
    }

    @Test
    void aGivenStreamReceivesTheOutputInsteadOfStandardOutput() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();

        printAll(new PrintSink<>("id", false, new PrintStream(captured, true, StandardCharsets.UTF_8)), 3, 4, "x", null);

        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("id:4> x" + NL + "id:4> null" + NL);
        assertThat(out()).isEmpty();
    }

    @Test
    void theSinkFunctionPrintsTheSameLinesAfterOpen() throws Exception {
        PrintSinkFunction<String> plain = new PrintSinkFunction<>();
        plain.setRuntimeContext(new TestRuntimeContext(0, 1));
        plain.open((dev.weir.api.common.functions.OpenContext) null);
        plain.invoke("a");
        PrintSinkFunction<String> parallel = new PrintSinkFunction<>();
        parallel.setRuntimeContext(new TestRuntimeContext(1, 3));
        parallel.open((dev.weir.api.common.functions.OpenContext) null);
        parallel.invoke("b", null);
        PrintSinkFunction<String> identified = new PrintSinkFunction<>("id");
        identified.setRuntimeContext(new TestRuntimeContext(0, 1));
        identified.open((dev.weir.api.common.functions.OpenContext) null);
        identified.invoke("c");
        PrintSinkFunction<String> toErr = new PrintSinkFunction<>("e", true);
        toErr.setRuntimeContext(new TestRuntimeContext(2, 3));
        toErr.open((dev.weir.api.common.functions.OpenContext) null);
        toErr.invoke("d");
        PrintSinkFunction<String> toErrPlain = new PrintSinkFunction<>(true);
        toErrPlain.setRuntimeContext(new TestRuntimeContext(0, 1));
        toErrPlain.open((dev.weir.api.common.functions.OpenContext) null);
        toErrPlain.invoke("f");
        toErrPlain.finish();

        assertThat(out()).isEqualTo("a" + NL + "2> b" + NL + "id> c" + NL);
        assertThat(err()).isEqualTo("e:3> d" + NL + "f" + NL);
    }

    @Test
    void aPrintSinkFunctionAddedWithAddSinkPrintsEveryElementOfAJob() throws Exception {
        dev.weir.streaming.api.environment.StreamExecutionEnvironment env =
                dev.weir.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData("a", "b").addSink(new PrintSinkFunction<>("id"));
        env.execute("print with addSink");
        assertThat(out.toString()).isEqualTo("id> a" + System.lineSeparator() + "id> b" + System.lineSeparator());
    }

    @Test
    void theSinkFunctionRefusesElementsBeforeOpen() {
        assertThatThrownBy(() -> new PrintSinkFunction<String>().invoke("a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before open");
    }

    @Test
    void prefixesFollowFlinksRules() {
        assertThat(PrintSinkOutputWriter.prefix("", 0, 1)).isEmpty();
        assertThat(PrintSinkOutputWriter.prefix(null, 0, 1)).isEmpty();
        assertThat(PrintSinkOutputWriter.prefix("", 0, 2)).isEqualTo("1> ");
        assertThat(PrintSinkOutputWriter.prefix("s", 0, 1)).isEqualTo("s> ");
        assertThat(PrintSinkOutputWriter.prefix("s", 9, 10)).isEqualTo("s:10> ");
    }
}
