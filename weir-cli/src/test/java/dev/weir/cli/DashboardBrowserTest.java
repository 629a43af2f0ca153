package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.weir.core.execution.JobClient;
import dev.weir.api.common.JobStatus;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.examples.anomaly.AnomalyDetection;
import dev.weir.web.RestSettings;
import dev.weir.web.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the dashboard of a running anomaly demo in headless Chromium (Debian's chromium and chromium-driver). Without
 * them the test is skipped with what to install, except under {@code CI=true}, where it must run.
 */
@Timeout(180)
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private WebServer server;
    private JobClient job;
    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void startDemoAndBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        String install = "headless browser tests need Debian's chromium and chromium-driver: sudo apt-get install -y chromium chromium-driver";
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("CI=true but " + install);
        }
        Assumptions.assumeTrue(installed, install);
        server = WebServer.start(0, 250);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(2_000);
        AnomalyDetection.Streams streams = AnomalyDetection.build(env, AnomalyDetection.Settings.demo(3000, 8));
        streams.alerts().addSink(new DemoCommand.ConsoleAndDashboard()).name("Alerts").setParallelism(1);
        streams.late().addSink(new DemoCommand.CountLate()).name("Late Readings").setParallelism(1);
        job = env.executeAsync("Anomaly Detection");

        profile = Files.createTempDirectory("weir-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1500,1300",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
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

    @Test
    void theDashboardShowsEveryOperatorWithItsParallelismMovingWatermarksAndCancelsTheJob() throws Exception {
        browser.get("http://localhost:" + server.port() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(b -> b.findElements(By.cssSelector("#graph g.vertex")).size() == 5);
        // The page redraws every second: read the whole graph in one script, not element by element.
        @SuppressWarnings("unchecked")
        List<List<String>> vertices = (List<List<String>>) browser.executeScript(
                "return [...document.querySelectorAll('#graph g.vertex')].map(g => [g.querySelector('.vertex-name').textContent,"
                        + " g.querySelector('.vertex-parallelism').textContent, g.dataset.parallelism]);");
        Map<String, String> parallelism = new LinkedHashMap<>();
        for (List<String> v : vertices) {
            assertThat(v.get(1)).isEqualTo("Parallelism: " + v.get(2));
            parallelism.put(v.get(0), v.get(2));
        }
        assertThat(parallelism).containsExactly(Map.entry("Sensor Readings -> Separate Late", "1"), Map.entry("Rolling Mean and Sigma", "2"),
                Map.entry("Detect Anomalies", "2"), Map.entry("Alerts", "1"), Map.entry("Late Readings", "1"));
        @SuppressWarnings("unchecked")
        List<String> edges = (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('#graph path.edge')].map(e => e.dataset.shipStrategy);");
        assertThat(edges).containsExactly("HASH", "HASH", "HASH", "REBALANCE", "FORWARD");

        WebElement chart = browser.findElement(By.id("watermark-chart"));
        wait.until(b -> !chart.getAttribute("data-latest-watermark").isEmpty());
        long first = Long.parseLong(chart.getAttribute("data-latest-watermark"));
        wait.until(b -> Long.parseLong(chart.getAttribute("data-latest-watermark")) > first);
        wait.until(b -> b.findElements(By.cssSelector("#alerts li")).size() >= 3
                && b.findElements(By.cssSelector("#checkpoints tbody tr")).size() >= 1
                && b.findElements(By.cssSelector("#throughput-chart polyline")).size() == 5);

        Path shot = Path.of("target", "dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.id("cancel")).click();
        wait.until(b -> b.findElement(By.id("job-state")).getText().equals("CANCELED"));
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void withARestTokenTheDashboardCancelsOnlyWhenOpenedFromTheAddressWithTheToken() throws Exception {
        try (WebServer guarded = WebServer.start(RestSettings.fromSystemProperties(0).withSampleMillis(250).withAuthToken("s3cret"))) {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://localhost:" + guarded.port() + "/");
            wait.until(b -> b.findElement(By.id("job-state")).getText().equals("RUNNING"));
            browser.findElement(By.id("cancel")).click();
            wait.until(b -> b.findElement(By.id("action-result")).getText().startsWith("cancel refused: "));
            assertThat(browser.findElement(By.id("action-result")).getText())
                    .contains("needs the REST token (rest.auth.token) as 'Authorization: Bearer <token>'");
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

            browser.get("about:blank");
            browser.get("http://localhost:" + guarded.port() + "/#token=s3cret");
            wait.until(b -> b.findElement(By.id("job-state")).getText().equals("RUNNING"));
            assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("s3cret");
            browser.findElement(By.id("cancel")).click();
            wait.until(b -> b.findElement(By.id("job-state")).getText().equals("CANCELED"));
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
        }
    }
}
