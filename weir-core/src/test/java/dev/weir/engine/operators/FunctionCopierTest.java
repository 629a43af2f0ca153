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
