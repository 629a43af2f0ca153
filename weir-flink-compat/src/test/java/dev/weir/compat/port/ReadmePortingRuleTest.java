package dev.weir.compat.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Porting from Flink" section gives users one {@code sed} line; the port suite applies one rule. This
 * test keeps the two the same: the README's substitution, run by {@code sed} itself, turns every program of the suite
 * into exactly the source the suite compiles against Weir.
 */
class ReadmePortingRuleTest {
    private static final Path README = Path.of("../README.md");
    private static final Pattern SED_LINE = Pattern.compile("^sed -i '(s/(.+?)/(.+?)/g)' .*$", Pattern.MULTILINE);

    @Test
    void theReadmesSedLineIsTheOneRuleOrgApacheFlinkBecomesDevWeir() throws IOException {
        Matcher sed = readmeSedLine();
        assertThat(sed.group(2)).as("the pattern of the README's sed line").isEqualTo("org\\.apache\\.flink\\.");
        assertThat(sed.group(3)).as("the replacement of the README's sed line").isEqualTo(PortingRule.WEIR_PREFIX);
    }

    @Test
    void sedWithTheReadmesExpressionTurnsEveryProgramIntoTheSourceTheSuiteRunsOnWeir() throws Exception {
        String expression = readmeSedLine().group(1);
        List<PortProgram> programs = PortSuiteTest.programs();
        assertThat(programs).isNotEmpty();
        for (PortProgram program : programs) {
            assertThat(runSed(expression, program.source())).as("sed '%s' on %s", expression, program.fileName())
                    .isEqualTo(program.ported())
                    .doesNotContain(PortingRule.FLINK_PREFIX);
        }
    }

    private static Matcher readmeSedLine() throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf("## Porting from Flink");
        assertThat(section).as("README.md has a section \"Porting from Flink\"").isNotNegative();
        int next = readme.indexOf("\n## ", section + 1);
        Matcher sed = SED_LINE.matcher(readme.substring(section, next < 0 ? readme.length() : next));
        assertThat(sed.find()).as("the Porting from Flink section has a line sed -i 's/<pattern>/<replacement>/g' <files>").isTrue();
        return sed;
    }

    /** Runs the real {@code sed} on {@code text}, so the README line is checked as a shell runs it. */
    private static String runSed(String expression, String text) throws IOException, InterruptedException {
        Process sed = new ProcessBuilder("sed", "-e", expression).redirectErrorStream(true).start();
        try (OutputStream in = sed.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(sed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sed.waitFor()).as("sed's exit code; it said: %s", out).isZero();
        return out;
    }
}
