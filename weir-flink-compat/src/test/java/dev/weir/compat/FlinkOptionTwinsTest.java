package dev.weir.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every option constant Weir offers has Flink 1.20's key, deprecated keys and default value under the same class and
 * field name, read from Flink's own classes on this test's class path: a job that sets an option through Weir's
 * constant sets the key it would set in Flink.
 */
class FlinkOptionTwinsTest {
    private static final List<String> OPTION_CLASSES = List.of("configuration.CheckpointingOptions",
            "configuration.StateBackendOptions", "configuration.RestOptions", "configuration.ExecutionOptions",
            "configuration.PipelineOptions", "configuration.CoreOptions", "configuration.StateRecoveryOptions",
            "runtime.jobgraph.SavepointConfigOptions", "streaming.api.environment.ExecutionCheckpointingOptions");

    @Test
    void everyWeirOptionHasFlinksKeyDeprecatedKeysAndDefault() throws Exception {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String name : OPTION_CLASSES) {
            Class<?> weir = Class.forName("dev.weir." + name);
            Class<?> flink = Class.forName("org.apache.flink." + name);
            for (Field field : weir.getFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || !field.getType().getSimpleName().equals("ConfigOption")) {
                    continue;
                }
                Object ours = field.get(null);
                Object theirs = flink.getField(field.getName()).get(null);
                String where = name + "." + field.getName();
                compare(where, "key", call(ours, "key"), call(theirs, "key"), differences);
                compare(where, "default", text(call(ours, "defaultValue")), text(call(theirs, "defaultValue")), differences);
                List<String> flinkFallbacks = new ArrayList<>();
                for (Object fallback : (Iterable<?>) call(theirs, "fallbackKeys")) {
                    flinkFallbacks.add((String) call(fallback, "getKey"));
                }
                compare(where, "deprecated keys", call(ours, "fallbackKeys"), flinkFallbacks, differences);
                compared++;
            }
        }
        assertThat(compared).as("options compared").isGreaterThan(30);
        assertThat(differences).isEmpty();
    }

    private static void compare(String where, String what, Object ours, Object theirs, List<String> differences) {
        if (!String.valueOf(ours).equals(String.valueOf(theirs))) {
            differences.add(where + " " + what + ": Weir " + ours + ", Flink " + theirs);
        }
    }

    /** Enums compare by name (Weir's and Flink's are different classes); everything else by its text. */
    private static String text(Object value) {
        return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
    }

    private static Object call(Object target, String method) throws Exception {
        var m = target.getClass().getMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }
}
