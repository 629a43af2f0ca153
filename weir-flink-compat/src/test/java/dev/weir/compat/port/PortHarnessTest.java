package dev.weir.compat.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The port suite's own parts: how a program is read and ported, and how its output files are compared. */
class PortHarnessTest {
    @TempDir
    Path dir;

    @Test
    void aProgramsClassNameComesFromItsPackageAndItsBlockerFromAFirstLineComment() throws Exception {
        Path file = dir.resolve("Jobs.java");
        Files.writeString(file, "// Blocked on Weir: Foo.bar (part X)\npackage port;\nimport org.apache.flink.util.Collector;\n"
                + "public class Jobs {}\n");
        PortProgram program = PortProgram.load(file);
        assertThat(program.className()).isEqualTo("port.Jobs");
        assertThat(program.name()).isEqualTo("Jobs");
        assertThat(program.blocker()).isEqualTo("Foo.bar (part X)");
        assertThat(program.ported()).isEqualTo("// Blocked on Weir: Foo.bar (part X)\npackage port;\nimport dev.weir.util.Collector;\n"
                + "public class Jobs {}\n");
    }

    @Test
    void aProgramWithoutTheMarkOnItsFirstLineIsNotBlocked() throws Exception {
        Path file = dir.resolve("Free.java");
        Files.writeString(file, "package port;\n// Blocked on Weir: not on the first line, so no mark\npublic class Free {}\n");
        assertThat(PortProgram.load(file).blocker()).isNull();
    }

    @Test
    void theRuleReplacesEveryFlinkPrefixAndNothingElse() {
        assertThat(PortingRule.apply("import org.apache.flink.api.java.tuple.Tuple2; // org.apache.flinkish org.apache.flink.x"))
                .isEqualTo("import dev.weir.api.java.tuple.Tuple2; // org.apache.flinkish dev.weir.x");
    }

    @Test
    void partFilesWhoseNamesDifferOnlyByTheirUuidAreOneFileAndUnorderedOutputIsSorted() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out/bucket"));
        Files.writeString(out.resolve("part-0d2f5b7e-3c4a-4e1f-9a8b-1c2d3e4f5a6b-0.txt"), "b\na\n");
        Files.writeString(out.resolve("part-9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b-0.txt"), "c\n");
        Files.writeString(dir.resolve("out/counts-1.txt"), "z\ny\n");

        Map<String, List<String>> unordered = ProgramOutput.read(dir.resolve("out"), false);
        assertThat(unordered).containsOnlyKeys("bucket/part-<uuid>-0.txt", "counts-1.txt");
        assertThat(unordered.get("bucket/part-<uuid>-0.txt")).containsExactly("a", "b", "c");
        assertThat(unordered.get("counts-1.txt")).containsExactly("y", "z");

        assertThat(ProgramOutput.read(dir.resolve("out"), true).get("counts-1.txt")).containsExactly("z", "y");
    }

    @Test
    void aMissingOutputDirectoryReadsAsNoFiles() throws Exception {
        assertThat(ProgramOutput.read(dir.resolve("nothing"), true)).isEmpty();
    }

    @Test
    void compileErrorsNameTheFileTheLineAndTheMissingSymbol() throws Exception {
        String errors = ProgramCompiler.compile("Broken.java", "package port;\npublic class Broken { Missing field; }\n", dir, dir.resolve("classes"));
        assertThat(errors).startsWith("Broken.java:2: cannot find symbol").contains("symbol:   class Missing");
        assertThat(ProgramCompiler.compile("Fine.java", "package port;\npublic class Fine {}\n", dir, dir.resolve("classes"))).isEmpty();
        assertThat(dir.resolve("classes/port/Fine.class")).exists();
    }
}
