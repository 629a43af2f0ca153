package dev.weir.streaming.api.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.configuration.Configuration;
import dev.weir.plan.DefaultConfiguration;
import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The process's default configuration ({@code weir run -D key=value}, or JVM system properties under Flink's keys):
 * every environment starts from it, and what the program sets wins, as with Flink's dynamic properties.
 */
class EnvironmentDefaultsTest {
    private static final List<String> PROPERTIES = List.of("state.backend.type", "state.backend.rocksdb.localdir",
            "parallelism.default", "weir.parallelism", "execution.savepoint.path", "execution.state-recovery.path",
            "my.own.flag", "weir.workers", "execution.target", "pipeline.name");

    @AfterEach
    void clearProperties() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void everyFormOfEnvironmentStartsFromTheSystemPropertiesUnderFlinksKeys() {
        System.setProperty("state.backend.type", "rocksdb");
        System.setProperty("state.backend.rocksdb.localdir", "/tmp/rocks");

        List<StreamExecutionEnvironment> envs = List.of(StreamExecutionEnvironment.getExecutionEnvironment(),
                StreamExecutionEnvironment.getExecutionEnvironment(new Configuration()),
                new StreamExecutionEnvironment(new Configuration()),
                StreamExecutionEnvironment.createLocalEnvironment(),
                StreamExecutionEnvironment.createLocalEnvironment(2),
                StreamExecutionEnvironment.createLocalEnvironment(new Configuration()),
                StreamExecutionEnvironment.createLocalEnvironment(2, new Configuration()));

        for (StreamExecutionEnvironment env : envs) {
            assertThat(env.setting("state.backend.type")).isEqualTo("rocksdb");
            assertThat(env.setting("state.backend.rocksdb.localdir")).isEqualTo("/tmp/rocks");
            assertThat(env.getConfiguration().toMap()).containsEntry("state.backend.type", "rocksdb");
        }
    }

    @Test
    void aConfigurationPassedToTheEnvironmentWinsOverTheDefaults() {
        System.setProperty("state.backend.type", "rocksdb");
        System.setProperty("pipeline.name", "from the command line");
        Configuration given = Configuration.fromMap(Map.of("state.backend.type", "hashmap"));

        assertThat(StreamExecutionEnvironment.getExecutionEnvironment(given).setting("state.backend.type")).isEqualTo("hashmap");
        assertThat(new StreamExecutionEnvironment(given).setting("state.backend.type")).isEqualTo("hashmap");
        assertThat(StreamExecutionEnvironment.createLocalEnvironment(given).setting("state.backend.type")).isEqualTo("hashmap");
        assertThat(StreamExecutionEnvironment.createLocalEnvironment(1, given).setting("state.backend.type")).isEqualTo("hashmap");
        assertThat(StreamExecutionEnvironment.createLocalEnvironment(given).getConfiguration().toMap())
                .containsEntry("state.backend.type", "hashmap").containsEntry("pipeline.name", "from the command line");
    }

    @Test
    void whatTheProgramSetsAfterwardsWinsOverTheDefaults() {
        System.setProperty("state.backend.type", "rocksdb");

        StreamExecutionEnvironment byBackend = StreamExecutionEnvironment.getExecutionEnvironment();
        byBackend.setStateBackend(new HashMapStateBackend());
        StreamExecutionEnvironment byKey = StreamExecutionEnvironment.getExecutionEnvironment();
        byKey.configure("state.backend.type", "hashmap");

        assertThat(byBackend.setting("state.backend.type")).isEqualTo("hashmap");
        assertThat(byKey.setting("state.backend.type")).isEqualTo("hashmap");
    }

    @Test
    void parallelismDefaultSetsTheParallelismUnlessTheProgramOrWeirRunDashPGivesOne() {
        System.setProperty("parallelism.default", "3");
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getParallelism()).isEqualTo(3);
        assertThat(StreamExecutionEnvironment.createLocalEnvironment().getParallelism()).isEqualTo(3);
        assertThat(StreamExecutionEnvironment.createLocalEnvironment(5).getParallelism()).isEqualTo(5);
        assertThat(StreamExecutionEnvironment.createLocalEnvironment(Configuration.fromMap(Map.of("parallelism.default", "4")))
                .getParallelism()).isEqualTo(4);

        System.setProperty("weir.parallelism", "2");
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getParallelism()).isEqualTo(2);
    }

    @Test
    void unknownKeysUnderFlinksNamespacesArePassedOnAndOtherSystemPropertiesAreNot() {
        System.setProperty("pipeline.name", "nightly");
        System.setProperty("my.own.flag", "on");
        System.setProperty("weir.workers", "1");

        Map<String, String> config = StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration().toMap();

        assertThat(config).containsEntry("pipeline.name", "nightly").doesNotContainKeys("my.own.flag", "weir.workers",
                "java.version", "user.dir");
    }

    @Test
    void theRestoreKeysAreLeftToTheFirstJobAndNotPutIntoEveryEnvironment() {
        System.setProperty("execution.savepoint.path", "/tmp/sp");
        System.setProperty("execution.state-recovery.path", "/tmp/sp");

        assertThat(DefaultConfiguration.load().keySet()).isEmpty();
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().setting("execution.savepoint.path")).isNull();
    }

    @Test
    void aLocalEnvironmentRunsLocallyWhateverTargetTheDefaultsName() {
        System.setProperty("execution.target", "remote");

        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().setting("execution.target")).isEqualTo("remote");
        assertThat(StreamExecutionEnvironment.createLocalEnvironment().setting("execution.target")).isEqualTo("local");
        assertThat(StreamExecutionEnvironment.createLocalEnvironment(2).setting("execution.target")).isEqualTo("local");
    }

    @Test
    void aDefaultThatCannotBeReadFailsTheEnvironmentNamingTheKeyAndWhereItWasGiven() {
        System.setProperty("parallelism.default", "many");

        assertThatThrownBy(StreamExecutionEnvironment::getExecutionEnvironment).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Could not parse value 'many' for key 'parallelism.default' as Integer: For input string: \"many\" (in the "
                        + "process's default configuration, given with weir run -D key=value or as a JVM system property "
                        + "-Dkey=value: correct or remove it there)");
    }
}
