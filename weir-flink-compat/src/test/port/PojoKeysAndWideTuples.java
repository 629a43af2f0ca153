package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple25;
import org.apache.flink.api.java.tuple.Tuple7;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.util.Collector;

/**
 * The deprecated but everywhere key forms and explicit types of Flink 1.x jobs: a POJO keyed by field name with a
 * rolling sum("quantity") and max("price"), tuples keyed by position, Tuple7 and Tuple25 results with TypeHint and
 * BasicTypeInfo hints, a source that declares its type through ResultTypeQueryable, and DataStream.getType().
 */
public class PojoKeysAndWideTuples {

    /** A stock movement; a Flink POJO (public fields, public no-argument constructor). */
    public static class Movement {
        public String sku;
        public String warehouse;
        public int quantity;
        public double price;

        public Movement() {
        }

        public Movement(String sku, String warehouse, int quantity, double price) {
            this.sku = sku;
            this.warehouse = warehouse;
            this.quantity = quantity;
            this.price = price;
        }

        @Override
        public String toString() {
            return "Movement{" + sku + "," + warehouse + "," + quantity + "," + price + "}";
        }
    }

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final String output = params.getRequired("output");
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        DataStream<Movement> movements = env.addSource(new MovementSource(24));
        String typeName = movements.getType().getTypeClass().getSimpleName();

        movements.keyBy("sku").sum("quantity").addSink(new LineFileSink<>(output, "sum-by-field"));
        movements.keyBy("warehouse").max("price").addSink(new LineFileSink<>(output, "max-by-field"));

        DataStream<Tuple7<String, String, Integer, Double, Boolean, Long, String>> wide = movements
                .map(new MapFunction<Movement, Tuple7<String, String, Integer, Double, Boolean, Long, String>>() {
                    @Override
                    public Tuple7<String, String, Integer, Double, Boolean, Long, String> map(Movement m) {
                        return new Tuple7<>(m.sku, m.warehouse, m.quantity, m.price, m.quantity < 0, (long) m.quantity * 100, typeName);
                    }
                }, TypeInformation.of(new TypeHint<Tuple7<String, String, Integer, Double, Boolean, Long, String>>() {}));
        wide.keyBy(1).sum(2).addSink(new LineFileSink<>(output, "tuple7-sum-by-position"));
        wide.keyBy(0, 1).minBy(3).addSink(new LineFileSink<>(output, "tuple7-minby-two-positions"));

        movements.map(new Spread(), new TypeHint<Tuple25<Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
                        Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
                        Integer, Integer, String>>() {}.getTypeInfo())
                .filter(t -> t.f24.startsWith("a"))
                .addSink(new LineFileSink<>(output, "tuple25"));

        movements.map(m -> m.sku + ":" + m.quantity, BasicTypeInfo.STRING_TYPE_INFO)
                .addSink(new LineFileSink<>(output, "hinted-map"));
        movements.flatMap((Movement m, Collector<String> out) -> {
                    for (int i = 0; i < Math.abs(m.quantity) / 10; i++) {
                        out.collect(m.sku + "#" + i);
                    }
                }, Types.STRING)
                .addSink(new LineFileSink<>(output, "hinted-flatmap"));

        env.execute("PojoKeysAndWideTuples");
    }

    /** The quantity spread over 24 integer fields, and the SKU last. */
    public static final class Spread extends RichMapFunction<Movement, Tuple25<Integer, Integer, Integer, Integer, Integer, Integer, Integer,
            Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
            Integer, Integer, Integer, String>> {
        @Override
        public Tuple25<Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
                Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, String> map(Movement m) {
            Tuple25<Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
                    Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, String> t = new Tuple25<>();
            for (int i = 0; i < 24; i++) {
                t.setField(m.quantity * i, i);
            }
            t.setField(m.sku, 24);
            return t;
        }
    }

    /** A fixed list of movements; declares its produced type, as sources without a type hint must in Flink. */
    public static final class MovementSource implements SourceFunction<Movement>, ResultTypeQueryable<Movement> {
        private final int count;
        private volatile boolean running = true;

        public MovementSource(int count) {
            this.count = count;
        }

        @Override
        public void run(SourceContext<Movement> ctx) {
            String[] skus = {"apple", "anchor", "bolt", "cable"};
            String[] warehouses = {"north", "south", "east"};
            for (int i = 0; i < count && running; i++) {
                ctx.collect(new Movement(skus[(i * 3) % 4], warehouses[i % 3], (i % 5) * 10 - 15, 1.25 * ((i * 7) % 11)));
            }
        }

        @Override
        public void cancel() {
            running = false;
        }

        @Override
        public TypeInformation<Movement> getProducedType() {
            return TypeInformation.of(Movement.class);
        }
    }

    /** Writes each record as a line of {@code <dir>/<name>-<subtask>.txt}. */
    public static final class LineFileSink<T> extends RichSinkFunction<T> {
        private final String dir;
        private final String name;
        private transient BufferedWriter writer;

        public LineFileSink(String dir, String name) {
            this.dir = dir;
            this.name = name;
        }

        @Override
        public void open(Configuration parameters) throws Exception {
            Files.createDirectories(Paths.get(dir));
            writer = Files.newBufferedWriter(Paths.get(dir, name + "-" + getRuntimeContext().getIndexOfThisSubtask() + ".txt"),
                    StandardCharsets.UTF_8);
        }

        @Override
        public void invoke(T value, Context context) throws Exception {
            writer.write(String.valueOf(value));
            writer.newLine();
        }

        @Override
        public void close() throws Exception {
            if (writer != null) {
                writer.close();
            }
        }
    }
}
