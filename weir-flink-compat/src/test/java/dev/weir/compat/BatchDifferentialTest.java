package dev.weir.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every differential case of {@link WindowsDifferentialTest} in BATCH mode on Apache Flink 1.20 and on Weir,
 * over the same seeded out-of-order inputs, and requires the same records with the same timestamps. In BATCH mode
 * the watermarks the inputs carry are ignored, so nothing is late and every window fires at the end of input; both
 * engines decide the order across keys freely, so the records compare as sorted multisets.
 *
 * <p>Both engines give each key its records in timestamp order, but records of one key with the same timestamp come
 * in an order Flink's sort does not define (Weir keeps their arrival order): so the elements a record lists between
 * brackets compare as a multiset too, and {@link #TIE_DEPENDENT} cases, whose result picks one of such records,
 * compare only by how many records they give.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class BatchDifferentialTest {
    private static final int EVENTS = 400;
    /**
     * Count windows whose results depend on which of two records with equal timestamps comes first: a count window
     * over all keys (which record closes a window), and a purging count trigger that sums pairs of one key's records
     * (which records pair up; at parallelism 2 a key's ties arrive from two source subtasks in either order).
     */
    private static final java.util.Set<String> TIE_DEPENDENT = java.util.Set.of("countWindowAll", "purgingCountTriggerReduce");

    private final Map<String, List<Ev>[]> inputs = new HashMap<>();
    private final Map<Integer, Map<String, List<String>>> flink = new HashMap<>();
    private final Map<Integer, Map<String, List<String>>> weir = new HashMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    void runEveryCaseInBatchModeOnBothEngines() throws Exception {
        long seed = 9_000;
        for (String name : WindowsDifferentialTest.SINGLE_INPUT_CASES) {
            inputs.put(name, new List[] {Inputs.outOfOrder(seed++, EVENTS, 6, 300, 0.08, 2_500), List.of()});
        }
        inputs.put("sessionBridge", new List[] {Inputs.sessionBridge(), List.of()});
        // Cases whose STREAMING results depend on timing, so only BATCH mode compares them.
        for (String name : new String[] {"rollingReduce", "processingTimeTimersAtEnd"}) {
            inputs.put(name, new List[] {Inputs.outOfOrder(seed++, EVENTS, 6, 300, 0.08, 2_500), List.of()});
        }
        inputs.put("broadcastFirst", new List[] {Inputs.inOrderWithinBound(seed++, EVENTS / 2, 5, 300),
            Inputs.inOrderWithinBound(seed++, 20, 5, 300)});
        for (String name : WindowsDifferentialTest.TWO_INPUT_CASES) {
            inputs.put(name, new List[] {Inputs.inOrderWithinBound(seed++, EVENTS / 2, 5, 300),
                Inputs.inOrderWithinBound(seed++, EVENTS / 2, 5, 300)});
        }
        for (int parallelism : new int[] {1, 2}) {
            flink.put(parallelism, runFlink(parallelism));
            weir.put(parallelism, runWeir(parallelism));
        }
    }

    private Map<String, List<String>> runFlink(int parallelism) throws Exception {
        Configuration conf = new Configuration();
        conf.setString("taskmanager.memory.network.min", "256m");
        conf.setString("taskmanager.memory.network.max", "256m");
        org.apache.flink.streaming.api.environment.StreamExecutionEnvironment env =
                org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.setRuntimeMode(org.apache.flink.api.common.RuntimeExecutionMode.BATCH);
        FlinkCases.OUT.clear();
        inputs.forEach((name, in) -> FlinkCases.build(name, env, in[0], in[1]));
        env.execute("batch differential p" + parallelism);
        return copy(FlinkCases.OUT);
    }

    private Map<String, List<String>> runWeir(int parallelism) throws Exception {
        dev.weir.streaming.api.environment.StreamExecutionEnvironment env =
                dev.weir.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setRuntimeMode(dev.weir.api.common.RuntimeExecutionMode.BATCH);
        WeirCases.OUT.clear();
        inputs.forEach((name, in) -> WeirCases.build(name, env, in[0], in[1]));
        env.execute("batch differential p" + parallelism);
        return copy(WeirCases.OUT);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> out) {
        Map<String, List<String>> copy = new HashMap<>();
        out.forEach((name, records) -> copy.put(name, new ArrayList<>(records)));
        return copy;
    }

    @TestFactory
    Stream<DynamicTest> atParallelismOneTheSameRecordsArrive() {
        return inputs.keySet().stream().sorted().map(name -> DynamicTest.dynamicTest(name, () -> compare(name, 1)));
    }

    @TestFactory
    Stream<DynamicTest> atParallelismTwoTheSameRecordsArrive() {
        return inputs.keySet().stream().sorted().map(name -> DynamicTest.dynamicTest(name, () -> compare(name, 2)));
    }

    @TestFactory
    Stream<DynamicTest> nothingIsLateInBatchModeAndEveryCaseProducesRecords() {
        return inputs.keySet().stream().sorted().map(name -> DynamicTest.dynamicTest(name, () -> {
            assertThat(flink.get(1).getOrDefault(name, List.of())).as("Flink's output of %s", name).isNotEmpty();
            assertThat(flink.get(1).getOrDefault(name + "/late", List.of())).as("Flink's late records of %s", name).isEmpty();
        }));
    }

    private void compare(String name, int parallelism) {
        for (String sink : List.of(name, name + "/late")) {
            List<String> expected = normal(flink.get(parallelism).getOrDefault(sink, List.of()));
            List<String> actual = normal(weir.get(parallelism).getOrDefault(sink, List.of()));
            if (TIE_DEPENDENT.contains(name)) {
                assertThat(actual).as("Weir's %s at parallelism %d in BATCH mode", sink, parallelism).hasSameSizeAs(expected);
                continue;
            }
            assertThat(actual).as("Weir's %s at parallelism %d in BATCH mode; only Flink gave %s; only Weir gave %s", sink,
                    parallelism, missing(expected, actual), missing(actual, expected)).isEqualTo(expected);
        }
    }

    private static List<String> missing(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        for (String r : b) {
            rest.remove(r);
        }
        return rest;
    }

    /** The records sorted, each with the elements it lists between brackets sorted. */
    private static List<String> normal(List<String> records) {
        List<String> sorted = new ArrayList<>();
        for (String record : records) {
            sorted.add(withSortedLists(record));
        }
        sorted.sort(null);
        return sorted;
    }

    private static String withSortedLists(String record) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        int open;
        while ((open = record.indexOf('[', at)) >= 0) {
            int close = record.indexOf(']', open);
            List<String> items = new ArrayList<>(List.of(record.substring(open + 1, close).split(", ")));
            items.sort(null);
            out.append(record, at, open + 1).append(String.join(", ", items)).append(']');
            at = close + 1;
        }
        return out.append(record.substring(at)).toString();
    }
}
