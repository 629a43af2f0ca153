package dev.weir.engine.checkpoint.storage.bench;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.CompatibleFieldSerializer;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import dev.weir.api.java.tuple.Tuple2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.fory.Fory;
import org.apache.fory.config.CompatibleMode;
import org.apache.fory.config.Language;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Compares Apache Fory and Kryo 5 on the state values Weir users keep: round-trip throughput and bytes.
 *
 * <p>Not a JUnit test: run it by hand (the command is in docs/state-serialization.md). Each configuration
 * is registration-free and on plain Java 17 without {@code --add-opens}, as users would run it.
 */
public final class SerializerComparison {

    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;

    /** A typical user POJO: public no-arg constructor, four fields. */
    public static final class Trade {
        public String symbol;
        public long quantity;
        public int venue;
        public double price;

        public Trade() {
        }

        Trade(String symbol, long quantity, int venue, double price) {
            this.symbol = symbol;
            this.quantity = quantity;
            this.venue = venue;
            this.price = price;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Trade t && t.symbol.equals(symbol) && t.quantity == quantity && t.venue == venue
                    && t.price == price;
        }

        @Override
        public int hashCode() {
            return Objects.hash(symbol, quantity, venue, price);
        }
    }

    /** A typical user record. */
    public record Reading(String sensor, long timestamp, double value) {
    }

    private interface Codec {
        byte[] serialize(Object value);

        Object deserialize(byte[] bytes);
    }

    public static void main(String[] args) {
        Map<String, Object> payloads = payloads();
        Map<String, Function<Void, Codec>> codecs = new LinkedHashMap<>();
        codecs.put("fory-compatible", v -> fory(CompatibleMode.COMPATIBLE));
        codecs.put("fory-consistent", v -> fory(CompatibleMode.SCHEMA_CONSISTENT));
        codecs.put("kryo-compatible", v -> kryo(true));
        codecs.put("kryo-field", v -> kryo(false));

        System.out.printf("java %s, %d s warm-up + %d s per cell, single thread%n",
                System.getProperty("java.version"), WARM_UP_NANOS / 1_000_000_000L, MEASURE_NANOS / 1_000_000_000L);
        System.out.printf("%-18s %-16s %14s %8s%n", "payload", "serializer", "round-trips/s", "bytes");
        for (Map.Entry<String, Object> payload : payloads.entrySet()) {
            for (Map.Entry<String, Function<Void, Codec>> codec : codecs.entrySet()) {
                Codec c = codec.getValue().apply(null);
                byte[] bytes = c.serialize(payload.getValue());
                Object back = c.deserialize(bytes);
                if (!back.equals(payload.getValue())) {
                    throw new AssertionError(codec.getKey() + " did not round-trip " + payload.getKey() + ": " + back);
                }
                run(c, payload.getValue(), WARM_UP_NANOS);
                double perSecond = run(c, payload.getValue(), MEASURE_NANOS);
                System.out.printf("%-18s %-16s %,14.0f %8d%n", payload.getKey(), codec.getKey(), perSecond, bytes.length);
            }
        }
    }

    private static double run(Codec codec, Object value, long nanos) {
        long sink = 0;
        long operations = 0;
        long start = System.nanoTime();
        long deadline = start + nanos;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 1000; i++) {
                byte[] bytes = codec.serialize(value);
                sink += bytes.length + System.identityHashCode(codec.deserialize(bytes)) & 1;
            }
            operations += 1000;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (sink == 42) {
            System.out.print("");
        }
        return operations / elapsed;
    }

    private static Map<String, Object> payloads() {
        Map<String, Object> payloads = new LinkedHashMap<>();
        payloads.put("Long", 1_234_567_890_123L);
        payloads.put("Integer", 42);
        payloads.put("String(24)", "sensor-0042/temperature");
        payloads.put("Tuple2<Str,Long>", Tuple2.of("user-17", 99_000L));
        payloads.put("POJO(4 fields)", new Trade("ACME", 1_000L, 3, 101.25));
        payloads.put("record(3)", new Reading("s-7", 1_700_000_000_000L, 21.5));
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            list.add(new Trade("SYM" + i, i * 10L, i % 7, i * 1.5));
        }
        payloads.put("ArrayList<POJO>100", list);
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(new Reading("s-" + i, 1_700_000_000_000L + i, i * 0.5));
        }
        payloads.put("ArrayList<rec>100", records);
        Map<String, Long> map = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            map.put("key-" + i, (long) i * 31);
        }
        payloads.put("HashMap<Str,Long>100", map);
        return payloads;
    }

    private static Codec fory(CompatibleMode mode) {
        Fory fory = Fory.builder()
                .withLanguage(Language.JAVA)
                .requireClassRegistration(false)
                .suppressClassRegistrationWarnings(true)
                .withRefTracking(false)
                .withCompatibleMode(mode)
                .build();
        return new Codec() {
            @Override
            public byte[] serialize(Object value) {
                return fory.serialize(value);
            }

            @Override
            public Object deserialize(byte[] bytes) {
                return fory.deserialize(bytes);
            }
        };
    }

    private static Codec kryo(boolean compatible) {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(false);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        if (compatible) {
            kryo.setDefaultSerializer(CompatibleFieldSerializer.class);
        }
        Output output = new Output(4096, -1);
        Input input = new Input();
        return new Codec() {
            @Override
            public byte[] serialize(Object value) {
                output.reset();
                kryo.writeClassAndObject(output, value);
                return output.toBytes();
            }

            @Override
            public Object deserialize(byte[] bytes) {
                input.setBuffer(bytes);
                return kryo.readClassAndObject(input);
            }
        };
    }
}
