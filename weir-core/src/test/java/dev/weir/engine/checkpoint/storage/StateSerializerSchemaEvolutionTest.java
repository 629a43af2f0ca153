package dev.weir.engine.checkpoint.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state class changes between the job that took a snapshot and the job that restores it: the same class
 * name is compiled in two versions and loaded by two class loaders, as two deployments of a job would.
 */
class StateSerializerSchemaEvolutionTest {

    @TempDir
    Path work;

    private static final String POJO_V1 = """
            package evolving;
            public class Account {
                public String owner;
                public long balance;
                public int removedLater;
                public Account(String owner, long balance, int removedLater) {
                    this.owner = owner;
                    this.balance = balance;
                    this.removedLater = removedLater;
                }
            }
            """;

    private static final String POJO_V2 = """
            package evolving;
            public class Account {
                public String addedLater;
                public long balance;
                public String owner;
                public Account(String owner) {
                    this.owner = owner;
                }
            }
            """;

    private static final String RECORD_V1 = """
            package evolving;
            public record Reading(String sensor, long timestamp, int removedLater) {
            }
            """;

    private static final String RECORD_V2 = """
            package evolving;
            public record Reading(String sensor, double addedLater, long timestamp) {
            }
            """;

    @Test
    void aPojoThatLostAFieldAndGainedOneReadsTheFieldsItKeptAndDefaultsTheNewOne() throws Exception {
        ClassLoader v1 = compile("v1", "Account", POJO_V1);
        ClassLoader v2 = compile("v2", "Account", POJO_V2);
        Object old = v1.loadClass("evolving.Account").getConstructor(String.class, long.class, int.class)
                .newInstance("ada", 250L, 7);

        byte[] bytes = StateSerializers.create(v1).serialize(old);
        Object restored = StateSerializers.create(v2).deserialize(bytes);

        assertThat(restored.getClass()).isSameAs(v2.loadClass("evolving.Account"));
        assertThat(field(restored, "owner")).isEqualTo("ada");
        assertThat(field(restored, "balance")).isEqualTo(250L);
        assertThat(field(restored, "addedLater")).isNull();
    }

    @Test
    void aRecordThatLostAComponentAndGainedOneReadsTheComponentsItKept() throws Exception {
        ClassLoader v1 = compile("v1", "Reading", RECORD_V1);
        ClassLoader v2 = compile("v2", "Reading", RECORD_V2);
        Object old = v1.loadClass("evolving.Reading").getConstructor(String.class, long.class, int.class)
                .newInstance("s-9", 1_700_000_000_000L, 3);

        byte[] bytes = StateSerializers.create(v1).serialize(List.of(old));
        Object restored = ((List<?>) StateSerializers.create(v2).deserialize(bytes)).get(0);

        assertThat(restored.getClass()).isSameAs(v2.loadClass("evolving.Reading"));
        assertThat(component(restored, "sensor")).isEqualTo("s-9");
        assertThat(component(restored, "timestamp")).isEqualTo(1_700_000_000_000L);
        assertThat(component(restored, "addedLater")).isEqualTo(0.0);
    }

    private ClassLoader compile(String version, String className, String source) throws IOException {
        Path sources = Files.createDirectories(work.resolve(version + "-src/evolving"));
        Path classes = Files.createDirectories(work.resolve(version + "-classes"));
        Path file = Files.writeString(sources.resolve(className + ".java"), source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "--release", "17", "-d", classes.toString(), file.toString());
        assertThat(status).as("javac exit status for " + version).isZero();
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getField(name);
        return field.get(target);
    }

    private static Object component(Object record, String name) throws ReflectiveOperationException {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component.getAccessor().invoke(record);
            }
        }
        throw new AssertionError("no component " + name);
    }
}
