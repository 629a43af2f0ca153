package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.engine.exchange.RecordRing;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flink's buffer-debloat keys, with Weir's defaults and meaning. */
class DebloatSettingsTest {

    @Test
    void debloatingIsOnByDefaultWithATwentyMillisecondTarget() {
        DebloatSettings settings = RuntimeSettings.from(Map.of()).debloat();

        assertThat(settings).isEqualTo(new DebloatSettings(true, Duration.ofMillis(20), Duration.ofMillis(50), 5));
        assertThat(settings.debloaterOf(new RecordRing[] {new RecordRing(16)})).isNotNull();
        assertThat(settings.debloaterOf(new RecordRing[0])).isNull();
    }

    @Test
    void flinksKeysSetTheTargetThePeriodAndTheSamplesOrSwitchItOff() {
        DebloatSettings settings = RuntimeSettings.from(Map.of(
                "taskmanager.network.memory.buffer-debloat.target", "5 ms",
                "taskmanager.network.memory.buffer-debloat.period", "200ms",
                "taskmanager.network.memory.buffer-debloat.samples", "20",
                "taskmanager.network.memory.buffer-debloat.threshold-percentages", "25")).debloat();
        DebloatSettings off = RuntimeSettings.from(Map.of("taskmanager.network.memory.buffer-debloat.enabled", "false"))
                .debloat();

        assertThat(settings).isEqualTo(new DebloatSettings(true, Duration.ofMillis(5), Duration.ofMillis(200), 20));
        assertThat(off.enabled()).isFalse();
        assertThat(off.debloaterOf(new RecordRing[] {new RecordRing(16)})).isNull();
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> RuntimeSettings.from(Map.of("taskmanager.network.memory.buffer-debloat.target", "0 ms")))
                .isInstanceOf(InvalidProgramException.class).hasMessageContaining("buffer-debloat.target");
        assertThatThrownBy(() -> RuntimeSettings.from(Map.of("taskmanager.network.memory.buffer-debloat.enabled", "yes")))
                .isInstanceOf(InvalidProgramException.class).hasMessageContaining("buffer-debloat.enabled");
        assertThatThrownBy(() -> RuntimeSettings.from(Map.of("taskmanager.network.memory.buffer-debloat.samples", "0")))
                .isInstanceOf(InvalidProgramException.class).hasMessageContaining("buffer-debloat.samples");
        assertThatThrownBy(() -> RuntimeSettings.from(Map.of("taskmanager.network.memory.buffer-debloat.bogus", "1")))
                .isInstanceOf(InvalidProgramException.class).hasMessageContaining("Unknown setting");
    }
}
