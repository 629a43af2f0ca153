package dev.weir.engine.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.functions.MapFunction;
import java.io.Serializable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionCopierTest {
    @TempDir
    Path dir;

    /** A Weir-side wrapper, as windows and joins hold the user's function. */
    record Wrapper(Object userFunction) implements Serializable {
    }

    @Test
    void aUserFunctionFromAJobJarHeldByAWeirWrapperIsCopiedAsTheSameClassFromTheJobsLoader() throws Exception {
        try (URLClassLoader jobLoader = compileJobClass()) {
            Object userFunction = jobLoader.loadClass("job.Doubler").getConstructor().newInstance();
            Wrapper copy = FunctionCopier.copyFor(new Wrapper(userFunction), 2, "Window 'CoGroup'");
            assertThat(copy.userFunction()).isNotSameAs(userFunction);
            assertThat(copy.userFunction().getClass()).isSameAs(userFunction.getClass());
            @SuppressWarnings("unchecked")
            MapFunction<Integer, Integer> doubler = (MapFunction<Integer, Integer>) copy.userFunction();
            assertThat(doubler.map(21)).isEqualTo(42);
        }
    }

    @Test
    void oneSubtaskSharesTheFunctionItself() {
        Wrapper wrapper = new Wrapper("x");
        assertThat(FunctionCopier.copyFor(wrapper, 1, "Map")).isSameAs(wrapper);
    }

    @Test
    void aFunctionThatCannotBeSerializedFailsNamingTheOperatorAndTheFix() {
        Wrapper wrapper = new Wrapper(new Object());
        assertThatThrownBy(() -> FunctionCopier.copyFor(wrapper, 2, "Map 'parse'"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("Map 'parse' runs in 2 parallel subtasks")
                .hasMessageContaining("mark them transient and create them in open()");
    }

    /** Holds nothing: as the bench's and most jobs' map functions. */
    static final class Doubled implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            return value * 2;
        }
    }

    /** Holds only final values, as {@code fromSequence}'s source does. */
    record Range(long from, long to, String name, TimeUnitLike unit) implements Serializable {
    }

    enum TimeUnitLike { SECONDS }

    /** A counter each subtask must have for itself. */
    static final class Counting implements MapFunction<Long, Long> {
        private long seen;

        @Override
        public Long map(Long value) {
            return ++seen;
        }
    }

    /** Final, but its list can change. */
    record Collecting(List<Long> seen) implements Serializable {
    }

    /** Final values, but reading it back runs code of its own. */
    static final class Resolving implements Serializable {
        private final long value = 1;

        private Object readResolve() {
            return this;
        }
    }

    /** A final value that a copy would read back as 0. */
    static final class Forgetting implements Serializable {
        private final transient long value;

        Forgetting(long value) {
            this.value = value;
        }
    }

    /** A final value in a class whose parent holds one that can change. */
    static class Base implements Serializable {
        long changing;
    }

    static final class Derived extends Base {
        private final long fixed = 1;
    }

    @Test
    void aFunctionHoldingNothingOrOnlyFinalValuesIsSharedBySubtasksInsteadOfCopied() {
        Doubled doubled = new Doubled();
        Range range = new Range(1, 10, "numbers", TimeUnitLike.SECONDS);
        MapFunction<Long, Long> lambda = value -> value + 1;
        long offset = 5;
        MapFunction<Long, Long> capturingAValue = value -> value + offset;

        assertThat(FunctionCopier.copyFor(doubled, 2, "Map")).isSameAs(doubled);
        assertThat(FunctionCopier.copyFor(range, 2, "Source")).isSameAs(range);
        assertThat(FunctionCopier.copyFor(lambda, 2, "Map")).isSameAs(lambda);
        assertThat(FunctionCopier.copyFor(capturingAValue, 2, "Map")).isSameAs(capturingAValue);
        assertThat(FunctionCopier.copyForAttempt(range, "Source")).isSameAs(range);
    }

    @Test
    void aFunctionWithAnythingThatCanChangeOrCustomSerializationIsCopied() throws Exception {
        Counting counting = new Counting();
        Collecting collecting = new Collecting(new java.util.ArrayList<>(List.of(1L)));
        Resolving resolving = new Resolving();
        Derived derived = new Derived();
        Forgetting forgetting = new Forgetting(5);
        List<Long> captured = new java.util.ArrayList<>();
        MapFunction<Long, Long> capturingAList = value -> {
            captured.add(value);
            return value;
        };

        Counting countingCopy = FunctionCopier.copyFor(counting, 2, "Map");
        assertThat(countingCopy).isNotSameAs(counting);
        countingCopy.map(7L);
        assertThat(counting.map(7L)).isEqualTo(1L);
        assertThat(FunctionCopier.copyFor(collecting, 2, "Map")).isNotSameAs(collecting).isEqualTo(collecting);
        assertThat(FunctionCopier.copyFor(resolving, 2, "Map")).isNotSameAs(resolving);
        assertThat(FunctionCopier.copyFor(derived, 2, "Map")).isNotSameAs(derived);
        assertThat(FunctionCopier.copyFor(forgetting, 2, "Map").value).isZero();
        assertThat(FunctionCopier.copyFor(capturingAList, 2, "Map")).isNotSameAs(capturingAList);
    }

    /** A class only a job's own loader can see, as with {@code weir run job.jar}. */
    private URLClassLoader compileJobClass() throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/job")).resolve("Doubler.java");
        Files.writeString(source, """
                package job;
                public class Doubler implements dev.weir.api.common.functions.MapFunction<Integer, Integer> {
                    private int factor = 2;
                    public Integer map(Integer value) { return value * factor; }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int exit = javac.run(null, null, null, "-classpath", classPath, "-d", classes.toString(), source.toString());
        assertThat(exit).as("javac's exit code").isZero();
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }
}
