package dev.weir.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs each workload on Weir and on every built Flink version, alternating engines round by round after a warm-up,
 * prints one line per workload and writes {@code docs/benchmarks.md} and its chart.
 *
 * <p>Two Flink versions cannot share a classpath, so every engine runs in its own worker JVM: one per Flink build
 * found under {@code weir-bench/target/flink-<version>/} (each has {@code classes/} and {@code classpath.txt}), and
 * one for Weir. Only one worker computes at a time. Startup (workload 9) forks a fresh JVM per measurement.
 *
 * <p>Options: {@code --workloads 1,6,9} (default: all that some engine can run), {@code --rounds 3},
 * {@code --warmup 1} and {@code --warmup-seconds 10} (before the measured rounds of each throughput and latency
 * workload, every engine runs warm-up rounds until it has run at least that many and its worker has spent at least
 * that much CPU time in them, so that the JIT has finished compiling the hot path; see {@link WarmUp}; workloads 9 and
 * 13 measure a fresh JVM and never warm up, workload 10 runs {@code --warmup} rounds only), {@code --scale 1.0} (times each workload's event count), {@code --startup-runs 3},
 * {@code --runs 1} (independent runs of everything, each with fresh worker JVMs: the report shows every run's ratio
 * and their spread, since a floor must hold in every run), {@code --target-dir weir-bench/target}, {@code --docs docs}, {@code --docs-name benchmarks} (the file written in
 * the docs folder: {@code <name>.md} and {@code <name>.svg}), {@code --latency-rate 100000} (workload 8's fixed
 * input rate in events/s; it runs {@code 10 s × --scale} at that rate), {@code --jvm "-Xmx3g"}, {@code --jfr weir}
 * (records a JFR profile of that engine's worker into the target dir), {@code --flink-only} (also run windowed
 * workloads on Flink when Weir cannot run them yet), {@code --no-quiet} (start each round without waiting for
 * {@link QuietWorkers}).
 */
public final class SideBySide {
    private final Options options;
    private final Map<String, String> classpaths;
    private final Path logs;
    /** Lines printed after the table: each workload's warm-up rounds per engine. */
    private final List<String> warmUpLines = new ArrayList<>();
    /** Lines printed after the table: workload 11a's checkpoint figures. */
    private final List<String> checkpointLines = new ArrayList<>();
    /** Lines printed after the table: each throughput workload's CPU time per event, engine by engine. */
    private final List<String> cpuLines = new ArrayList<>();
    /** Starts every round (and every fresh probe JVM) once the long-lived workers are quiet. */
    private QuietWorkers quiet;

    private SideBySide(Options options) throws IOException {
        this.options = options;
        this.classpaths = findBuilds(options.targetDir);
        this.logs = Files.createDirectories(options.targetDir.resolve("bench-logs"));
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        SideBySide bench = new SideBySide(options);
        List<List<Measurement>> runs = new ArrayList<>();
        for (int run = 1; run <= options.runs; run++) {
            if (options.runs > 1) {
                String header = "Run " + run + " of " + options.runs + " (fresh worker JVMs):";
                System.out.println(header);
                bench.cpuLines.add(header);
                bench.warmUpLines.add(header);
                bench.checkpointLines.add(header);
            }
            runs.add(bench.run());
        }
        Report report = new Report(runs, options.commandLine, options.docsName);
        System.out.println(report.plainTable());
        bench.cpuLines.forEach(System.out::println);
        bench.warmUpLines.forEach(System.out::println);
        bench.checkpointLines.forEach(System.out::println);
        if (options.docs != null) {
            report.write(options.docs);
            System.out.println("Wrote " + options.docs.resolve(options.docsName + ".md") + " and "
                    + options.docs.resolve(options.docsName + ".svg"));
        }
    }

    private List<Measurement> run() throws Exception {
        List<Measurement> results = new ArrayList<>();
        Map<String, ForkedJvm> workers = startWorkers();
        quiet = QuietWorkers.of(workers);
        try {
            for (Workload workload : options.workloads) {
                switch (workload.kind()) {
                    case STARTUP -> results.addAll(freshJvmRuns(Workload.STARTUP, StartupProbe.class, options.jvmOptions));
                    // Default settings, as a user's first run has them: no heap size, no other option.
                    case PEAK_MEMORY -> results.addAll(freshJvmRuns(Workload.PEAK_MEMORY, PeakMemoryProbe.class, List.of()));
                    case LATENCY -> results.addAll(latency(workload, workers));
                    case HEAP -> results.addAll(heap(workload, workers));
                    default -> results.addAll(throughput(workload, workers));
                }
                if (workload == Workload.ROCKSDB_KEYED) {
                    checkpoints(workload, workers);
                }
            }
        } finally {
            for (ForkedJvm worker : workers.values()) {
                worker.close();
            }
        }
        return results;
    }

    private Map<String, ForkedJvm> startWorkers() throws IOException {
        Map<String, ForkedJvm> workers = new LinkedHashMap<>();
        workers.put("weir", fork("weir", weirClasspath(), Worker.class.getName(), "weir"));
        for (Map.Entry<String, String> build : classpaths.entrySet()) {
            String engine = "flink-" + build.getKey();
            workers.put(engine, fork(engine, build.getValue(), Worker.class.getName(), "flink"));
        }
        for (Map.Entry<String, ForkedJvm> worker : workers.entrySet()) {
            String name = worker.getValue().ask("name");
            if (!name.equals(worker.getKey())) {
                throw new IllegalStateException("The worker built as " + worker.getKey() + " reports " + name
                        + "; rebuild weir-bench with run.sh");
            }
        }
        return workers;
    }

    private List<Measurement> throughput(Workload workload, Map<String, ForkedJvm> workers) throws IOException {
        long events = scaledEvents(workload, workload.benchEvents);
        List<Measurement> results = new ArrayList<>();
        List<String> running = runnable(workload, workers, results);
        Map<String, long[]> samples = new LinkedHashMap<>();
        Map<String, long[]> cpuSamples = new LinkedHashMap<>();
        Map<String, long[]> spanCpuSamples = new LinkedHashMap<>();
        running.forEach(engine -> samples.put(engine, new long[options.rounds]));
        running.forEach(engine -> cpuSamples.put(engine, new long[options.rounds]));
        running.forEach(engine -> spanCpuSamples.put(engine, new long[options.rounds]));
        warmUp(workload, running,
                (engine, warmUpRound) -> throughputRound(workload, workers, engine, events, "warm-up " + warmUpRound)[1]);
        for (int round = 0; round < options.rounds; round++) {
            // Rotating the order keeps any engine from always running right after the same other one.
            for (int i = 0; i < running.size(); i++) {
                String engine = running.get(Math.floorMod(i + round, running.size()));
                long[] nanosAndCpu = throughputRound(workload, workers, engine, events, "round " + round);
                samples.get(engine)[round] = nanosAndCpu[0];
                cpuSamples.get(engine)[round] = nanosAndCpu[1];
                spanCpuSamples.get(engine)[round] = nanosAndCpu[2];
            }
        }
        samples.forEach((engine, nanos) -> results.add(new Measurement(engine, workload, events, nanos)));
        cpuLines.add(CpuPerEvent.line(workload, events, cpuSamples));
        if (spanCpuSamples.values().stream().allMatch(cpu -> cpu[0] >= 0)) {
            cpuLines.add(CpuPerEvent.line(workload.number + " in the span,", events, spanCpuSamples));
        }
        return results;
    }

    /**
     * One round of a throughput workload on {@code engine}, logged; returns its nanos, the worker's CPU nanos in the
     * round (with the job's submission and teardown) and in the measured span alone (-1 if the job has no span).
     */
    private long[] throughputRound(Workload workload, Map<String, ForkedJvm> workers, String engine, long events,
                                   String label) throws IOException {
        startRound();
        long nanos = Long.parseLong(workers.get(engine).ask("measure " + workload + " " + events));
        long[] cpu = quiet.cpuSinceRoundStart();
        long own = cpu[quiet.indexOf(engine)];
        long inSpan = Long.parseLong(workers.get(engine).ask("spancpu"));
        System.err.printf("%-14s %-14s %-10s: %,.0f events/s, %.1f ns CPU/event%s, others %s%s%n", workload, engine,
                label, events * 1e9 / nanos, (double) own / events, inSpan < 0 ? "" : String.format(java.util.Locale.ROOT,
                " (in the span %.1f ns, %.2f cores busy)", (double) inSpan / events, (double) inSpan / nanos),
                othersCpu(quiet, cpu, engine),
                options.quiet && !quiet.lastWaitQuiet() ? " (started before the workers were quiet)" : "");
        return new long[] {nanos, own, inSpan};
    }

    /**
     * Runs {@code workload}'s warm-up ({@link WarmUp}: {@code --warmup} rounds and {@code --warmup-seconds} of the
     * engine's worker CPU time per engine, whichever is longer), then prints and keeps the rounds each engine ran.
     * CPU time, not wall time: on the loaded machine one round of workload 1 took 8 s of wall time but 1 s of CPU, so
     * a wall-time warm-up shrank back to a single round exactly when the load made the figures noisy.
     */
    private void warmUp(Workload workload, List<String> running, WarmUp.Round round) throws IOException {
        Map<String, long[]> spent = new WarmUp(options.warmup, Math.round(options.warmupSeconds * 1e9))
                .run(running, round);
        String line = WarmUp.summary(workload, spent);
        System.err.println(line);
        warmUpLines.add(line);
    }

    /** Waits for quiet workers (unless {@code --no-quiet}) and notes their CPU times as the round's start. */
    private void startRound() throws IOException {
        if (options.quiet) {
            quiet.awaitQuietThenStartRound();
        } else {
            quiet.startRoundNow();
        }
    }

    /** The CPU milliseconds the workers other than {@code engine} used during its round: the interference it had. */
    private static String othersCpu(QuietWorkers quiet, long[] cpu, String engine) {
        StringBuilder out = new StringBuilder();
        int own = quiet.indexOf(engine);
        for (int i = 0; i < cpu.length; i++) {
            if (i != own) {
                out.append(out.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.0f ms CPU",
                        cpu[i] / 1e6));
            }
        }
        return out.toString();
    }

    /**
     * Workload 11a's checkpoints ({@link CheckpointProbe}), full and incremental, on every engine that runs it: the
     * checkpoint after the first {@code benchEvents} events (all keys) and the one after 1% of the keys' worth of
     * events more; rounds alternate engines as throughput does, and each figure is the median round's.
     */
    private void checkpoints(Workload workload, Map<String, ForkedJvm> workers) throws IOException {
        long loaded = scaledEvents(workload, workload.benchEvents);
        long changed = scaledEvents(workload, workload.keys / 100);
        List<String> running = runnable(workload, workers, new ArrayList<>());
        for (boolean incremental : new boolean[] {false, true}) {
            String mode = incremental ? "incremental" : "full";
            Map<String, List<long[]>> rounds = new LinkedHashMap<>();
            running.forEach(engine -> rounds.put(engine, new ArrayList<>()));
            for (int round = 0; round < options.rounds; round++) {
                for (int i = 0; i < running.size(); i++) {
                    String engine = running.get(Math.floorMod(i + round, running.size()));
                    long[] f = Arrays.stream(workers.get(engine).ask("checkpoints " + workload + " " + loaded + " "
                            + changed + " " + incremental).split(" ")).mapToLong(Long::parseLong).toArray();
                    System.err.printf("%-14s %-14s %-11s round %d: after %,d events %d ms, %,d B written, %,d B state;"
                            + " after %,d more %d ms, %,d B written, %,d B state%n", workload, engine, mode, round, loaded,
                            f[0], f[1], f[2], changed, f[3], f[4], f[5]);
                    rounds.get(engine).add(f);
                }
            }
            rounds.forEach((engine, all) -> {
                long[] load = medianBy(all, 0);
                long[] change = medianBy(all, 3);
                checkpointLines.add(String.format(java.util.Locale.ROOT, "11a checkpoint %-11s %-14s after %,d events"
                        + " (all keys): %,d ms, %.1f MB written, %.1f MB state | after %,d more: %,d ms, %.1f MB written,"
                        + " %.1f MB state", mode, engine, loaded, load[0], load[1] / 1e6, load[2] / 1e6, changed, change[3],
                        change[4] / 1e6, change[5] / 1e6));
            });
        }
    }

    /** The round whose field {@code field} is the median. */
    private static long[] medianBy(List<long[]> rounds, int field) {
        List<long[]> sorted = new ArrayList<>(rounds);
        sorted.sort((a, b) -> Long.compare(a[field], b[field]));
        return sorted.get(sorted.size() / 2);
    }

    /** Workload 8: at the fixed rate, rounds alternate engines like throughput; the sample is the round's p99.9. */
    private List<Measurement> latency(Workload workload, Map<String, ForkedJvm> workers) throws IOException {
        long events = scaledEvents(workload, workload.benchEvents * options.latencyRate);
        List<Measurement> results = new ArrayList<>();
        List<String> running = runnable(workload, workers, results);
        Map<String, long[][]> rounds = new LinkedHashMap<>();
        running.forEach(engine -> rounds.put(engine, new long[options.rounds][]));
        warmUp(workload, running,
                (engine, warmUpRound) -> latencyRound(workload, workers, engine, events, "warm-up " + warmUpRound)[4]);
        for (int round = 0; round < options.rounds; round++) {
            for (int i = 0; i < running.size(); i++) {
                String engine = running.get(Math.floorMod(i + round, running.size()));
                rounds.get(engine)[round] = Arrays.copyOf(latencyRound(workload, workers, engine, events,
                        "round " + round), 4);
            }
        }
        rounds.forEach((engine, perRound) -> {
            long[][] byP999 = perRound.clone();
            Arrays.sort(byP999, (a, b) -> Long.compare(a[2], b[2]));
            long[] p999 = Arrays.stream(perRound).mapToLong(r -> r[2]).toArray();
            results.add(new Measurement(engine, workload, events, p999, byP999[byP999.length / 2]));
        });
        return results;
    }

    /**
     * One round of the latency workload on {@code engine}, logged; returns its p50, p99, p99.9, input rate and the
     * worker's CPU nanos.
     */
    private long[] latencyRound(Workload workload, Map<String, ForkedJvm> workers, String engine, long events,
                                String label) throws IOException {
        startRound();
        String[] answer = workers.get(engine).ask("latency " + workload + " " + events + " " + options.latencyRate)
                .split(" ");
        long[] figures = Arrays.stream(answer).mapToLong(Long::parseLong).toArray();
        long rate = Math.round(events * 1e9 / figures[4]);
        long own = quiet.cpuSinceRoundStart()[quiet.indexOf(engine)];
        System.err.printf("%-14s %-14s %-10s: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms over %,d results at %,d events/s%n",
                workload, engine, label, figures[0] / 1e6, figures[1] / 1e6, figures[2] / 1e6, figures[3], rate);
        return new long[] {figures[0], figures[1], figures[2], rate, own};
    }

    /**
     * Workload 10: one sample per round and engine, the bytes the window retains for all keys. The key count is the
     * workload's definition (1M), so {@code --scale} leaves it alone.
     */
    private List<Measurement> heap(Workload workload, Map<String, ForkedJvm> workers) throws IOException {
        long keys = workload.benchEvents;
        List<Measurement> results = new ArrayList<>();
        List<String> running = runnable(workload, workers, results);
        Map<String, long[]> samples = new LinkedHashMap<>();
        running.forEach(engine -> samples.put(engine, new long[options.rounds]));
        for (int round = -options.warmup; round < options.rounds; round++) {
            for (int i = 0; i < running.size(); i++) {
                String engine = running.get(Math.floorMod(i + round, running.size()));
                long bytes = Long.parseLong(workers.get(engine).ask("heap " + workload + " " + keys));
                System.err.printf("%-14s %-14s round %2d: %,d bytes retained, %.1f bytes/key%n", workload, engine,
                        round, bytes, (double) bytes / keys);
                if (round >= 0) {
                    samples.get(engine)[round] = bytes;
                }
            }
        }
        samples.forEach((engine, bytes) -> results.add(new Measurement(engine, workload, keys, bytes)));
        return results;
    }

    private long scaledEvents(Workload workload, long events) {
        long scaled = Math.max(workload.parallelism, Math.round(events * options.scale));
        return scaled - scaled % workload.parallelism;
    }

    /** The engines that run {@code workload}; a {@link Measurement#missing} goes into {@code results} for the rest. */
    private List<String> runnable(Workload workload, Map<String, ForkedJvm> workers, List<Measurement> results)
            throws IOException {
        List<String> running = new ArrayList<>();
        boolean weirCan = Boolean.parseBoolean(workers.get("weir").ask("supports " + workload));
        for (String engine : workers.keySet()) {
            boolean can = Boolean.parseBoolean(workers.get(engine).ask("supports " + workload));
            if (can && (weirCan || options.flinkOnly)) {
                running.add(engine);
            } else {
                results.add(Measurement.missing(engine, workload));
            }
        }
        return running;
    }

    /**
     * Runs a probe's {@code main} in a fresh JVM per engine and run, engines alternating; the probe prints one line,
     * {@code <word> <sample> [detail]}, and the samples are the figure (startup nanoseconds, peak resident bytes).
     */
    private List<Measurement> freshJvmRuns(Workload workload, Class<?> probeClass, List<String> jvmOptions) throws IOException {
        String word = workload == Workload.STARTUP ? "startup" : "rss";
        Map<String, String> engines = new LinkedHashMap<>();
        engines.put("weir", weirClasspath());
        classpaths.forEach((version, cp) -> engines.put("flink-" + version, cp));
        Map<String, long[]> samples = new LinkedHashMap<>();
        engines.keySet().forEach(engine -> samples.put(engine, new long[options.startupRuns]));
        for (int run = 0; run < options.startupRuns; run++) {
            for (Map.Entry<String, String> engine : engines.entrySet()) {
                String kind = engine.getKey().equals("weir") ? "weir" : "flink";
                startRound();
                try (ForkedJvm probe = fork(engine.getKey() + "-" + word, engine.getValue(), jvmOptions,
                        probeClass.getName(), kind)) {
                    String line = probe.readLine();
                    if (line == null || !line.startsWith(word + " ")) {
                        throw new IllegalStateException("The " + probeClass.getSimpleName() + " for " + engine.getKey()
                                + " printed '" + line + "'; see " + logs);
                    }
                    String[] fields = line.split(" ");
                    long sample = Long.parseLong(fields[1]);
                    if (workload == Workload.STARTUP) {
                        System.err.printf("STARTUP        %-14s run %d: %.1f ms (JVM start to first record: %s ms)%n",
                                engine.getKey(), run, sample / 1e6, fields[2]);
                    } else {
                        System.err.printf("PEAK RSS       %-14s run %d: %.1f MB%n", engine.getKey(), run, sample / 1e6);
                    }
                    samples.get(engine.getKey())[run] = sample;
                }
            }
        }
        List<Measurement> results = new ArrayList<>();
        long events = workload == Workload.STARTUP ? 1 : workload.benchEvents;
        samples.forEach((engine, figures) -> results.add(new Measurement(engine, workload, events, figures)));
        return results;
    }

    private ForkedJvm fork(String name, String classpath, String main, String... args) throws IOException {
        return fork(name, classpath, options.jvmOptions, main, args);
    }

    private ForkedJvm fork(String name, String classpath, List<String> jvmOptions, String main, String... args) throws IOException {
        List<String> jvm = new ArrayList<>(jvmOptions);
        if (name.equals(options.jfrEngine)) {
            jvm.add("-XX:StartFlightRecording=filename=" + options.targetDir.resolve(name + ".jfr").toAbsolutePath()
                    + ",settings=profile");
        }
        return ForkedJvm.start(withOwnRocksDB(classpath, args[0]), jvm, logs.resolve(name + ".log"), main, args);
    }

    /**
     * The classpath without the other engine's RocksDB and SQL planner: Weir runs on rocksdbjni, Flink on its fork
     * frocksdbjni, and both jars hold the same {@code org.rocksdb} classes, so each worker must see only its own; and
     * Weir SQL's Calcite and Janino on Flink's classpath break Flink's planner (its Calcite then finds a Janino it
     * cannot load: "Unable to instantiate java compiler"). weir-sql's own classes stay: Flink's side of the Nexmark SQL
     * workloads reads weir-sql's plain-Java Nexmark generator, so both engines see the same events.
     */
    static String withOwnRocksDB(String classpath, String engineKind) {
        List<String> kept = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            boolean flinksRocksDB = entry.contains("frocksdbjni") || entry.contains("flink-statebackend-rocksdb");
            boolean weirsRocksDB = entry.contains("/org/rocksdb/rocksdbjni/") || entry.contains("weir-rocksdb");
            boolean weirsSql = entry.contains("/org/apache/calcite/") || entry.contains("/org/codehaus/janino/");
            if (engineKind.equals("weir") ? !flinksRocksDB : !weirsRocksDB && !weirsSql) {
                kept.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, kept);
    }

    private String weirClasspath() {
        return classpaths.values().iterator().next();
    }

    /** Flink version to full classpath, for every {@code flink-<version>} build under the target dir. */
    private static Map<String, String> findBuilds(Path targetDir) throws IOException {
        Map<String, String> builds = new LinkedHashMap<>();
        if (Files.isDirectory(targetDir)) {
            try (Stream<Path> dirs = Files.list(targetDir)) {
                for (Path dir : dirs.sorted().toList()) {
                    Path cp = dir.resolve("classpath.txt");
                    String name = dir.getFileName().toString();
                    if (name.startsWith("flink-") && Files.isRegularFile(cp)) {
                        builds.put(name.substring("flink-".length()),
                                dir.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
                                        + Files.readString(cp).trim());
                    }
                }
            }
        }
        if (builds.isEmpty()) {
            throw new IllegalStateException("No Flink build of weir-bench under " + targetDir.toAbsolutePath()
                    + "; run weir-bench/run.sh, or package weir-bench with -Pflink1 and/or -Pflink2 first");
        }
        return builds;
    }

    /**
     * The runner's command-line options. {@code commandLine} is the arguments as given, plus the warm-up in seconds
     * when it was left at its default, so the report's "Command:" line says how long the engines warmed up.
     */
    record Options(List<Workload> workloads, int runs, int rounds, int warmup, double warmupSeconds, double scale, int startupRuns,
                           Path targetDir, Path docs, String docsName, long latencyRate, List<String> jvmOptions,
                           String jfrEngine, boolean flinkOnly, boolean quiet, String commandLine) {

        /**
         * CPU seconds every engine warms up on each workload by default. Weir's per-round CPU time of workloads 1, 2b
         * and 6 settles within 2.5 s, Flink 1.20's of workload 6 only after about 10 s (4,583, 2,417, 1,850 ns per
         * event in its first three rounds); a shorter warm-up measured Flink while it was still compiling (see
         * docs/benchmarks.md, "Branch h9").
         */
        static final double DEFAULT_WARMUP_SECONDS = 10;

        static Options parse(String[] args) {
            List<Workload> workloads = List.of(Workload.values());
            int runs = 1;
            int rounds = 3;
            int warmup = 1;
            double warmupSeconds = DEFAULT_WARMUP_SECONDS;
            boolean warmupSecondsGiven = false;
            double scale = 1.0;
            int startupRuns = 3;
            Path targetDir = Path.of("weir-bench", "target");
            Path docs = Path.of("docs");
            String docsName = "benchmarks";
            long latencyRate = 100_000;
            // Touched at start (branch vr): G1 grows the young generation into the untouched heap after a few rounds,
            // and the kernel's zeroing of each new page then lands in the measured rounds of one run and not another.
            List<String> jvm = List.of("-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch");
            String jfr = null;
            boolean flinkOnly = false;
            boolean quiet = true;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--workloads" -> workloads = Arrays.stream(value.split(","))
                            .flatMap(w -> Workload.parseGroup(w).stream()).toList();
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--warmup-seconds" -> {
                        warmupSeconds = Double.parseDouble(value);
                        warmupSecondsGiven = true;
                    }
                    case "--scale" -> scale = Double.parseDouble(value);
                    case "--startup-runs" -> startupRuns = Integer.parseInt(value);
                    case "--target-dir" -> targetDir = Path.of(value);
                    case "--docs" -> docs = value.equals("none") ? null : Path.of(value);
                    case "--docs-name" -> docsName = value;
                    case "--latency-rate" -> latencyRate = Long.parseLong(value);
                    case "--jvm" -> jvm = List.of(value.trim().split("\\s+"));
                    case "--jfr" -> jfr = value;
                    case "--flink-only" -> {
                        flinkOnly = true;
                        continue;
                    }
                    case "--no-quiet" -> {
                        quiet = false;
                        continue;
                    }
                    default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'; see the"
                            + " Javadoc of SideBySide or weir-bench/README.md");
                }
                if (value == null) {
                    throw new IllegalArgumentException("Option " + args[i] + " needs a value");
                }
                i++;
            }
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1, was " + runs);
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be at least 1, was " + rounds);
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("--warmup must be at least 0 rounds, was " + warmup);
            }
            if (!(warmupSeconds >= 0)) {
                throw new IllegalArgumentException("--warmup-seconds must be at least 0, was " + warmupSeconds);
            }
            if (latencyRate < 1) {
                throw new IllegalArgumentException("--latency-rate must be at least 1 event/s, was " + latencyRate);
            }
            String commandLine = String.join(" ", args);
            if (!warmupSecondsGiven) {
                commandLine = (commandLine + " --warmup-seconds "
                        + java.math.BigDecimal.valueOf(warmupSeconds).stripTrailingZeros().toPlainString()).trim();
            }
            return new Options(workloads, runs, rounds, warmup, warmupSeconds, scale, startupRuns, targetDir, docs, docsName,
                    latencyRate, jvm, jfr, flinkOnly, quiet, commandLine);
        }
    }
}
