package dev.weir.sqlcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every built-in function Weir's SHOW FUNCTIONS lists is listed, under the same name, by Flink 2.3's. */
class ShowFunctionsTest {
    @Test
    void weirsBuiltInFunctionNamesAreFlinksNames() throws Exception {
        org.apache.flink.table.api.TableEnvironment flink = org.apache.flink.table.api.TableEnvironment.create(
                org.apache.flink.table.api.EnvironmentSettings.inStreamingMode());
        List<String> flinkNames = new ArrayList<>();
        try (var rows = flink.executeSql("SHOW FUNCTIONS").collect()) {
            rows.forEachRemaining(r -> flinkNames.add(r.toString()));
        }
        dev.weir.table.api.TableEnvironment weir = dev.weir.table.api.TableEnvironment.create(
                dev.weir.table.api.EnvironmentSettings.inStreamingMode());
        List<String> weirNames = new ArrayList<>();
        try (var rows = weir.executeSql("SHOW FUNCTIONS").collect()) {
            rows.forEachRemaining(r -> weirNames.add(r.toString()));
        }
        assertThat(weirNames).isNotEmpty();
        assertThat(flinkNames).containsAll(weirNames);
    }
}
