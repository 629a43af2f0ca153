package dev.weir.bench;

/**
 * The workloads of issue 6 with their fixed shape (keys, parallelism), the event count a real measurement uses and
 * the {@link Kind} of figure they yield. {@link #windowed} ones need Weir's windows ({@code dev.weir.api.windowing}).
 */
public enum Workload {
    STATELESS("1", "stateless map+filter", 10_000, 2, 40_000_000L, false),
    TUMBLING_P1("2a", "tumbling 1 s aggregate, K=10k", 10_000, 1, 20_000_000L, true),
    TUMBLING_P2("2b", "tumbling 1 s aggregate, K=10k", 10_000, 2, 20_000_000L, true),
    SLIDING_10S("3", "sliding 10 s / 1 s aggregate, K=10k", 10_000, 2, 10_000_000L, true),
    SLIDING_60S("4", "sliding 60 s / 1 s aggregate, K=10k", 10_000, 2, 4_000_000L, true),
    SESSION("5", "session gap 500 ms aggregate, K=100k", 100_000, 2, 10_000_000L, true),
    KEYED_PROCESS("6", "keyed process, value state + 1 timer/key, K=10k", 10_000, 2, 6_000_000L, false),
    NEXMARK_Q5("7a", "Nexmark q5 hot items, sliding 10 s / 2 s + max", 0, 2, 10_000_000L, true),
    NEXMARK_Q7("7b", "Nexmark q7 highest bid, tumbling 10 s", 0, 2, 10_000_000L, true),
    /** {@link #benchEvents} is the run's length in seconds at the source's fixed rate. */
    LATENCY("8", "latency: tumbling 200 ms count, K=10k, fixed rate", 10_000, 2, 10L, true),
    STARTUP("9", "startup: main to first output record", 1, 1, 1_000L, false),
    HEAP_PER_KEY("10", "heap per key: 1M keys in a tumbling 1 s window", 1_000_000, 2, 1_000_000L, true),
    /** Issue 19: keyed state on each engine's RocksDB backend. */
    ROCKSDB_KEYED("11a", "RocksDB: value state read-modify-write, K=1M", 1_000_000, 2, 4_000_000L, false),
    ROCKSDB_TUMBLING("11b", "RocksDB: tumbling 1 s aggregate, K=10k", 10_000, 2, 10_000_000L, true),
    ROCKSDB_SLIDING("11c", "RocksDB: sliding 10 s / 1 s aggregate, K=10k", 10_000, 2, 4_000_000L, true),
    /** Issue 16: SQL ({@link SqlQueries}) against Flink SQL, and against the same query on each engine's DataStream API. */
    SQL_TUMBLING("12a", "SQL: tumbling 1 s TVF count/sum/max, K=1k", 1_000, 2, 20_000_000L, true),
    TUMBLING_STATS("12b", "12a on the DataStream API", 1_000, 2, 20_000_000L, true),
    SQL_PROJECT_FILTER("12c", "SQL: q1 projection + q2-like filter on bids", 0, 2, 20_000_000L, false),
    PROJECT_FILTER("12d", "12c on the DataStream API", 0, 2, 20_000_000L, false),
    /**
     * Issue 20: the Nexmark queries of weir-examples' {@code nexmark/q*.sql} that both Weir and Flink 2.3 SQL run, over the
     * same {@code nexmark} generator ({@link NexmarkSqlScript}); q6 and q13 are left out (see
     * docs/benchmarks-nexmark-sql.md).
     */
    NEXMARK_SQL_Q0("14q0", "Nexmark q0 SQL: pass through", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q1("14q1", "Nexmark q1 SQL: currency conversion", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q2("14q2", "Nexmark q2 SQL: selection", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q3("14q3", "Nexmark q3 SQL: local item suggestion (join)", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q4("14q4", "Nexmark q4 SQL: average price per category", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q5("14q5", "Nexmark q5 SQL: hot items (HOP, join)", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q7("14q7", "Nexmark q7 SQL: highest bid (TUMBLE, join)", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q8("14q8", "Nexmark q8 SQL: new users (window join)", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q9("14q9", "Nexmark q9 SQL: winning bids (Top-1)", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q10("14q10", "Nexmark q10 SQL: log to file system (projection)", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q11("14q11", "Nexmark q11 SQL: user sessions (SESSION group window)", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q12("14q12", "Nexmark q12 SQL: processing-time TUMBLE", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q14("14q14", "Nexmark q14 SQL: calculation (UDF, CASE)", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q15("14q15", "Nexmark q15 SQL: bidding statistics report", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q16("14q16", "Nexmark q16 SQL: channel statistics report", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q17("14q17", "Nexmark q17 SQL: auction statistics report", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q18("14q18", "Nexmark q18 SQL: last bid per bidder/auction (dedup)", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q19("14q19", "Nexmark q19 SQL: Top-10 bids per auction", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q20("14q20", "Nexmark q20 SQL: expand bid with auction (join)", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q21("14q21", "Nexmark q21 SQL: add channel id (REGEXP)", 0, 2, 10_000_000L, false),
    NEXMARK_SQL_Q22("14q22", "Nexmark q22 SQL: URL directories (SPLIT_INDEX)", 0, 2, 10_000_000L, false),
    /** Issue 22: a fresh JVM with default settings; {@link PeakMemoryProbe} fixes the job and its size. */
    PEAK_MEMORY("13", "peak RSS: fromSequence -> map -> collect, fresh JVM, default settings", 0, 1,
            PeakMemoryProbe.RECORDS, false);

    /** What a workload's figure is. */
    public enum Kind {
        /** Events per second over the {@link Span}. */
        THROUGHPUT,
        /** Milliseconds from a fresh JVM's {@code main} to the first output record. */
        STARTUP,
        /** The p50 / p99 / p99.9 delay from an event's creation to its window result, at a fixed input rate. */
        LATENCY,
        /** Heap retained per key by a window that holds every key's state. */
        HEAP,
        /** The peak resident memory of a fresh JVM that ran a trivial job. */
        PEAK_MEMORY
    }

    public final String number;
    public final String title;
    public final long keys;
    public final int parallelism;
    public final long benchEvents;
    public final boolean windowed;

    Workload(String number, String title, long keys, int parallelism, long benchEvents, boolean windowed) {
        this.number = number;
        this.title = title;
        this.keys = keys;
        this.parallelism = parallelism;
        this.benchEvents = benchEvents;
        this.windowed = windowed;
    }

    /** Whether the engine keeps this workload's keyed state in its RocksDB backend. */
    public boolean onRocksDB() {
        return this == ROCKSDB_KEYED || this == ROCKSDB_TUMBLING || this == ROCKSDB_SLIDING;
    }

    /** Whether this workload is a SQL query of {@link SqlQueries}. */
    public boolean sql() {
        return this == SQL_TUMBLING || this == SQL_PROJECT_FILTER || nexmarkQuery() != null;
    }

    /** The Nexmark query file's name ("q5") of a Nexmark SQL workload (14q0 .. 14q22); null for the others. */
    public String nexmarkQuery() {
        return name().startsWith("NEXMARK_SQL_Q") ? "q" + name().substring("NEXMARK_SQL_Q".length()) : null;
    }

    /** The same query written on the DataStream API, for a SQL workload; null for the others. */
    public Workload dataStreamTwin() {
        return switch (this) {
            case SQL_TUMBLING -> TUMBLING_STATS;
            case SQL_PROJECT_FILTER -> PROJECT_FILTER;
            default -> null;
        };
    }

    /** The SQL workload this one is the DataStream twin of; null for the others. */
    public Workload dataStreamTwinOf() {
        for (Workload w : values()) {
            if (w.dataStreamTwin() == this) {
                return w;
            }
        }
        return null;
    }

    public Kind kind() {
        return switch (this) {
            case STARTUP -> Kind.STARTUP;
            case LATENCY -> Kind.LATENCY;
            case HEAP_PER_KEY -> Kind.HEAP;
            case PEAK_MEMORY -> Kind.PEAK_MEMORY;
            default -> Kind.THROUGHPUT;
        };
    }

    /** The generator shape for {@code events} events, rounded down to a multiple of the parallelism. */
    public EventShape shape(long events) {
        return new EventShape(events - events % parallelism, keys, parallelism);
    }

    /** The workloads a command-line item names: "7" is both Nexmark queries, anything else one {@link #parse}. */
    public static java.util.List<Workload> parseGroup(String text) {
        if (text.equals("11")) {
            return java.util.List.of(ROCKSDB_KEYED, ROCKSDB_TUMBLING, ROCKSDB_SLIDING);
        }
        if (text.equals("14")) {
            return java.util.Arrays.stream(values()).filter(w -> w.nexmarkQuery() != null).toList();
        }
        if (text.equals("12")) {
            return java.util.List.of(SQL_TUMBLING, TUMBLING_STATS, SQL_PROJECT_FILTER, PROJECT_FILTER);
        }
        return text.equals("7") ? java.util.List.of(NEXMARK_Q5, NEXMARK_Q7) : java.util.List.of(parse(text));
    }

    /** The workload named by its enum name or its issue number ("1", "2b", "6"). */
    public static Workload parse(String text) {
        for (Workload w : values()) {
            if (w.name().equalsIgnoreCase(text) || w.number.equalsIgnoreCase(text)) {
                return w;
            }
        }
        throw new IllegalArgumentException("Unknown workload '" + text + "'; use one of "
                + java.util.Arrays.toString(values())
                + " or its number (1, 2a, 2b, 3, 4, 5, 6, 7a, 7b, 8, 9, 10, 11a, 11b, 11c, 12a-d, 13, 14q0-14q22; 7 means 7a and 7b,"
                + " 11 means 11a-c, 12 means 12a-d, 14 every Nexmark SQL query)");
    }
}
