import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The Java twin of map_throughput.py: fromSequence(1, n) -> map(x * 2 + 1) -> DiscardingSink at parallelism 2; prints
 * records per second past the fixed cost of a one-record run (after a first run that loads the classes). Run as a source file: java -cp CLASSPATH
 * JavaMapThroughput.java N.
 */
public class JavaMapThroughput {
    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        run(1); // loads the engine's classes, which the Python runs' fixed cost includes too
        double fixed = run(1);
        double total = run(n);
        System.out.println(n / (total - fixed));
    }

    private static double run(long n) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSequence(1, n).map(x -> x * 2 + 1).sinkTo(new DiscardingSink<>());
        long started = System.nanoTime();
        env.execute("java map throughput");
        return (System.nanoTime() - started) / 1e9;
    }
}
