package dev.weir.engine.checkpoint.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RemoteCheckpointsSchemeTest {
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://.*");

    @Test
    void aLocationsSchemeIsWhatTheUriPatternFinds() {
        String[] locations = {"s3://bucket/path", "file:///tmp/checkpoints", "/tmp/checkpoints", "relative/dir",
            "C:\\checkpoints", "1s3://bucket", "my+scheme.v-1://x", "s3://a\nb", "s3://a\u2028b", "://x", "s_3://x",
            "s3:/one-slash", "S3://UPPER", "hdfs://nn:8020/a://b", ""};
        for (String location : locations) {
            Matcher m = SCHEME.matcher(location);
            assertThat(RemoteCheckpoints.scheme(location)).as(location).isEqualTo(m.matches() ? m.group(1) : null);
        }
    }

    @Test
    void onlyASchemeOtherThanFileIsRemote() {
        assertThat(RemoteCheckpoints.isRemote("s3://bucket/path")).isTrue();
        assertThat(RemoteCheckpoints.isRemote("FILE:///tmp/x")).isFalse();
        assertThat(RemoteCheckpoints.isRemote("/tmp/x")).isFalse();
    }
}
