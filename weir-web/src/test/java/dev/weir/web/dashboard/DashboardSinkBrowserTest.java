package dev.weir.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.weir.api.common.JobStatus;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.source.SourceFunction;
import dev.weir.web.WebServer;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the chart page of a running job's {@link DashboardSink} in headless Chromium (Debian's chromium and
 * chromium-driver) and reads the plotted series, legend, axis and marks from the page. Without the browser the test is
 * skipped with what to install, except under {@code CI=true}, where it must run.
 */
@Timeout(180)
@SuppressWarnings("deprecation")
class DashboardSinkBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final long START = 1_700_000_000_000L;
    private WebServer server;
    private JobClient job;
    private ChromeDriver browser;

    /** A reading of one sensor. */
    public record Reading(String sensor, long time, double value) implements Serializable {
    }

    /** Twenty readings of two sensors, one a second, an alert at the tenth, then idles until cancelled. */
    @SuppressWarnings("deprecation")
    static final class Readings implements SourceFunction<Reading> {
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Reading> ctx) throws Exception {
            for (int i = 0; i < 20; i++) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(new Reading("north", START + 1000L * i, i));
                    ctx.collect(new Reading("south", START + 1000L * i, 100 - 2 * i));
                }
            }
            while (running) {
                Thread.sleep(20);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    @BeforeEach
    void startJobAndBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        String install = "headless browser tests need Debian's chromium and chromium-driver: sudo apt-get install -y chromium chromium-driver";
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("CI=true but " + install);
        }
        Assumptions.assumeTrue(installed, install);
        DashboardPanels.global().clear();
        server = WebServer.start(0, 250);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        var readings = env.addSource(new Readings(), "Readings");
        readings.sinkTo(DashboardSink.<Reading>lineChart("sensor readings").series(Reading::sensor).value(Reading::value)
                .time(Reading::time).window(Duration.ofMinutes(2))).name("Chart");
        readings.filter(r -> r.sensor().equals("north") && r.value() == 10).sinkTo(DashboardSink.<Reading>marks("sensor readings")
                .series(Reading::sensor).time(Reading::time).value(Reading::value).label(r -> "north reached " + r.value())
                .window(Duration.ofMinutes(2))).name("Alerts");
        readings.sinkTo(DashboardSink.<Reading>counter("readings")).name("Count");
        job = env.executeAsync("Charted readings");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1300,800",
                "--user-data-dir=" + Files.createTempDirectory("weir-chromium-"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (job != null) {
            job.cancel().join();
        }
        if (server != null) {
            server.close();
        }
    }

    private List<String> texts(String css) {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) browser.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);", css);
        return texts;
    }

    /** Read in one script: the page redraws on every pushed snapshot, which would make a found element stale. */
    private String attribute(String css, String name) {
        return (String) browser.executeScript("return document.querySelector(arguments[0]).getAttribute(arguments[1]);", css, name);
    }

    private String text(String css) {
        return (String) browser.executeScript("return document.querySelector(arguments[0]).textContent;", css);
    }

    @Test
    void theChartPageOfARunningJobPlotsEachSeriesWithLegendEventTimeAxisAndMarks() throws Exception {
        browser.get("http://localhost:" + server.port() + "/charts/sensor%20readings");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(b -> "40".equals(attribute("#counts", "data-points")) && "1".equals(String.valueOf(
                browser.executeScript("return document.querySelectorAll('#chart g.mark-group').length;"))));

        List<String> north = new ArrayList<>();
        List<String> south = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            north.add(Double.toString(i).replace(".0", ""));
            south.add(Integer.toString(100 - 2 * i));
            times.add(Long.toString(START + 1000L * i));
        }
        assertThat(texts("#legend .legend-item")).containsExactly("north (19)", "south (62)");
        assertThat(attribute("#chart polyline[data-series='north']", "data-values")).isEqualTo(String.join(",", north));
        assertThat(attribute("#chart polyline[data-series='south']", "data-values")).isEqualTo(String.join(",", south));
        assertThat(attribute("#chart polyline[data-series='north']", "data-times")).isEqualTo(String.join(",", times));
        assertThat(attribute("#chart g.mark-group", "data-label")).isEqualTo("north reached 10.0");
        assertThat(attribute("#chart g.mark-group", "data-time")).isEqualTo(Long.toString(START + 10_000));
        assertThat(attribute("#chart g.mark-group", "data-value")).isEqualTo("10");
        // Two minutes of event time ending at the newest reading, 22:13:39 UTC: the axis is labelled in event time.
        assertThat(texts("#chart .x-tick")).containsExactly("22:11:39", "22:12:09", "22:12:39", "22:13:09", "22:13:39");
        assertThat(text("#window")).isEqualTo("Last 2 min of event time (UTC), up to 22:13:39");
        assertThat(text("#counts")).isEqualTo("40 points received, 0 averaged into shared slots, "
                + "0 dropped (0 older than the window, 0 beyond the series limit, 0 without a value); 1 marks shown");
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

        Path shot = Path.of("target", "dashboard-chart.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);

        browser.get("http://localhost:" + server.port() + "/charts/readings");
        wait.until(b -> "40".equals(attribute("#counter", "data-count")));
    }
}
