package dev.weir.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md's dependency rules hold on the reactor's main sources, and each rule finds a violation where one is (a
 * source file written here that breaks it), so a rule that scans nothing cannot pass unnoticed.
 */
class DependencyRulesTest {
    private static final Set<String> EXPECTED_SPI = Set.of("dev.weir.engine.operators", "dev.weir.engine.state",
            "dev.weir.engine.time", "dev.weir.engine.checkpoint", "dev.weir.engine.checkpoint.storage");

    /** One file that breaks each rule, by the rule's name. */
    private static final Map<String, SourceFile> VIOLATIONS = new LinkedHashMap<>();

    static {
        example("the API never imports the engine", "weir-core",
                "package dev.weir.streaming.api.datastream;\nimport dev.weir.engine.exec.JobExecution;\n");
        example("the exchange never imports the operators", "weir-core",
                "package dev.weir.engine.exchange;\nimport dev.weir.engine.operators.StreamOperator;\n");
        example("state never imports windowing", "weir-core",
                "package dev.weir.engine.state;\nclass X { dev.weir.engine.windowing.WindowOperator op; }\n");
        example("the engine never imports the web module", "weir-core",
                "package dev.weir.engine.exec;\nimport dev.weir.web.WebServer;\n");
        example("the web module reads the engine only through its status interface", "weir-web",
                "package dev.weir.web;\nimport dev.weir.engine.status.JobView;\nimport dev.weir.engine.exec.JobExecution;\n");
        example("connectors use the API's contracts, not the engine (checkpoint storage SPI aside)", "weir-jdbc",
                "package dev.weir.connector.jdbc;\nimport dev.weir.engine.operators.SinkWriterOperator;\n");
        example("connectors do not build plans", "weir-kinesis",
                "package dev.weir.connector.kinesis;\nimport dev.weir.plan.Transformation;\n");
        example("examples use the public API only", "weir-examples",
                "package dev.weir.examples;\nimport dev.weir.engine.windowing.WindowOperators;\n");
        example("SQL, RocksDB and the Flink runner use the engine only through its SPI", "weir-rocksdb",
                "package dev.weir.rocksdb;\nimport dev.weir.engine.state.KeyedStateBackend;\nimport dev.weir.engine.exec.Chain;\n");
        example("no module but weir-web knows Javalin", "weir-cli",
                "package dev.weir.cli;\nimport io.javalin.Javalin;\n");
    }

    private static Path root;
    private static List<SourceFile> sources;
    private static Set<String> spiPackages;

    private static void example(String rule, String module, String text) {
        VIOLATIONS.put(rule, SourceFile.of(module, module + "/src/main/java/Example.java", text));
    }

    @BeforeAll
    static void readTheReactor() throws IOException {
        root = ReactorSources.root();
        sources = ReactorSources.mainSources(root);
        spiPackages = new TreeSet<>();
        for (SourceFile f : sources) {
            if (f.path().endsWith("/package-info.java") && f.isIn("dev.weir.engine") && f.text().contains(DependencyRules.SPI_MARK)) {
                spiPackages.add(f.packageName());
            }
        }
    }

    static Stream<DependencyRule> rules() {
        return DependencyRules.all(EXPECTED_SPI).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theRuleHoldsOnTheReactorsMainSources(DependencyRule rule) {
        assertThat(rule.violations(sources)).as(rule.name()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theRuleFindsAViolationWhereThereIsOne(DependencyRule rule) {
        SourceFile offender = VIOLATIONS.get(rule.name());
        assertThat(offender).as("an example file that breaks '" + rule.name() + "'").isNotNull();

        assertThat(rule.violations(List.of(offender))).as(rule.name()).isNotEmpty()
                .allSatisfy(v -> assertThat(v).startsWith(offender.path() + ": "));
    }

    @Test
    void theSpiUsersRuleAllowsTheSpiAndNamesExactlyTheInternalReference() {
        DependencyRule rule = DependencyRules.all(EXPECTED_SPI).stream()
                .filter(r -> r.name().startsWith("SQL, RocksDB")).findFirst().orElseThrow();

        assertThat(rule.violations(List.of(VIOLATIONS.get(rule.name()))))
                .containsExactly("weir-rocksdb/src/main/java/Example.java: dev.weir.engine.exec");
    }

    @Test
    void theScanReadsEveryModulesMainSources() {
        assertThat(sources).extracting(SourceFile::module).contains("weir-core", "weir-web", "weir-kafka", "weir-examples", "weir-cli");
        assertThat(sources).anySatisfy(f -> assertThat(f.path()).isEqualTo(
                "weir-core/src/main/java/dev/weir/engine/exec/TaskWiring.java"));
    }

    @Test
    void theEnginePackagesOtherModulesMayUseAreMarkedAsSpiInTheirPackageInfo() {
        assertThat(spiPackages).containsExactlyInAnyOrderElementsOf(EXPECTED_SPI);
    }

    @Test
    void everyModuleHasARoleInTheRules() {
        assertThat(ReactorSources.modules(root))
                .as("modules of the reactor; add a new one to DependencyRules (a connector, an SPI user, an assembly...)")
                .allSatisfy(m -> assertThat(DependencyRules.MODULE_ROLES).contains(m));
    }
}
