package dev.weir.core.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Path parses, normalizes and prints as Flink 1.20's {@code Path} (the expected values were read from Flink). */
class PathTest {
    @Test
    void aPlainPathKeepsItsTextAndSplitsIntoParentAndName() {
        Path path = new Path("/tmp/out/");
        assertThat(path.toString()).isEqualTo("/tmp/out");
        assertThat(path.getPath()).isEqualTo("/tmp/out");
        assertThat(path.getName()).isEqualTo("out");
        assertThat(path.getParent()).isEqualTo(new Path("/tmp"));
        assertThat(path.isAbsolute()).isTrue();
        assertThat(path.depth()).isEqualTo(2);
        assertThat(path.toUri()).isEqualTo(URI.create("/tmp/out"));
    }

    @Test
    void aFileUriIsPrintedWithASingleSlashAfterTheSchemeAsFlinkDoes() {
        Path path = new Path("file:///tmp/out");
        assertThat(path.toString()).isEqualTo("file:/tmp/out");
        assertThat(path.toUri().toString()).isEqualTo("file:///tmp/out");
        assertThat(path.getPath()).isEqualTo("/tmp/out");
        assertThat(path.getParent().toString()).isEqualTo("file:/tmp");
        assertThat(path).isNotEqualTo(new Path("/tmp/out"));
    }

    @Test
    void schemeAndAuthorityAreKeptByTheParent() {
        Path path = new Path("hdfs://nn:8020/x/y");
        assertThat(path.getPath()).isEqualTo("/x/y");
        assertThat(path.getParent().toString()).isEqualTo("hdfs://nn:8020/x");
        assertThat(new Path("s3://bucket/key.txt").getParent().toString()).isEqualTo("s3://bucket/");
    }

    @Test
    void slashesCollapseAndDotSegmentsResolve() {
        assertThat(new Path("a//b").toString()).isEqualTo("a/b");
        assertThat(new Path("./x").toString()).isEqualTo("x");
        assertThat(new Path("a/../b").toString()).isEqualTo("b");
        assertThat(new Path("/a")).isEqualTo(new Path("/a/")).hasSameHashCodeAs(new Path("/a/"));
    }

    @Test
    void theRootHasNoParentAndARelativeNameHasAnEmptyOne() {
        assertThat(new Path("/").getParent()).isNull();
        assertThat(new Path("/").depth()).isZero();
        assertThat(new Path("/").getName()).isEmpty();
        assertThat(new Path("out").getParent().toString()).isEmpty();
        assertThat(new Path("out").isAbsolute()).isFalse();
    }

    @Test
    void aChildIsResolvedAgainstItsParentEvenWhenItStartsWithASlash() {
        assertThat(new Path(new Path("/tmp"), "x.txt").toString()).isEqualTo("/tmp/x.txt");
        assertThat(new Path("/tmp/", "x").toString()).isEqualTo("/tmp/x");
        assertThat(new Path("/tmp/a", "../b").toString()).isEqualTo("/tmp/b");
        assertThat(new Path(new Path("/tmp/a"), new Path("/c")).toString()).isEqualTo("/tmp/a/c");
    }

    @Test
    void suffixAppendsToTheLastSegment() {
        assertThat(new Path("/tmp/x").suffix(".bak")).isEqualTo(new Path("/tmp/x.bak"));
    }

    @Test
    void aLocalFileBecomesAnAbsoluteFileUri() {
        assertThat(Path.fromLocalFile(new File("/tmp/zz")).toString()).isEqualTo("file:/tmp/zz");
        assertThat(Path.fromLocalFile(new File("rel")).toString()).isEqualTo("file:" + new File("rel").getAbsolutePath());
        assertThat(new Path(URI.create("file:///tmp/q")).toString()).isEqualTo("file:/tmp/q");
    }

    @Test
    void anEmptyOrNullPathIsRefusedWithFlinksMessages() {
        assertThatThrownBy(() -> new Path("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Can not create a Path from an empty string");
        assertThatThrownBy(() -> new Path("/tmp", "  ")).hasMessage("Can not create a Path from an empty string");
        assertThatThrownBy(() -> new Path((String) null)).hasMessage("Can not create a Path from a null string");
    }
}
