package dev.weir.engine.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The version Weir reports is the one its build declares, not a copy kept in the code. */
class WeirVersionTest {
    @Test
    void theVersionIsTheOneThePomDeclares() throws Exception {
        // weir-core's pom names its parent's version, which is the project's: the first <version> in the file.
        Matcher declared = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(declared.find()).isTrue();

        assertThat(WeirVersion.get()).isEqualTo(declared.group(1));
    }
}
