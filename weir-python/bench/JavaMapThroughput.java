import com.sun.management.OperatingSystemMXBean;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import java.lang.management.ManagementFactory;

/**
 * The Java twin of map_throughput.py: fromSequence(1, n) -> map(x * 2 + 1) -> DiscardingSink at parallelism 2; prints
 * records per second and the JVM's CPU nanoseconds per record, both past the fixed cost of a one-record run (after a
 * first run that loads the classes), then the CPU nanoseconds per record between a run of n / 4 records and the run
 * of n (past the JIT's warm-up too). Run as a source file: java -cp CLASSPATH JavaMapThroughput.java N.
 */
public class JavaMapThroughput {
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        run(1); // loads the engine's classes, which the Python runs' fixed cost includes too
        long[] fixed = run(1);
        long[] quarter = run(n / 4);
        long[] total = run(n);
        double rate = n / ((total[0] - fixed[0]) / 1e9);
        double cpu = (double) (total[1] - fixed[1]) / n;
        double steadyCpu = (double) (total[1] - quarter[1]) / (n - n / 4);
        System.out.println(rate + " " + cpu + " " + steadyCpu);
    }

    /** The run's wall-clock and CPU nanoseconds. */
    private static long[] run(long n) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSequence(1, n).map(x -> x * 2 + 1).sinkTo(new DiscardingSink<>());
        long cpu = OS.getProcessCpuTime();
        long started = System.nanoTime();
        env.execute("java map throughput");
        return new long[] {System.nanoTime() - started, OS.getProcessCpuTime() - cpu};
    }
}
