package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.InvalidProgramException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime's settings: an unknown key is refused with every key the runtime accepts. */
class RuntimeSettingsTest {

    @Test
    void anUnknownKeyIsRefusedListingEveryKeyWeirAcceptsTheBufferDebloatOnesIncluded() {
        assertThatThrownBy(() -> RuntimeSettings.from(Map.of("weir.nonsense", "1")))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("Unknown setting 'weir.nonsense': Weir knows [execution.checkpointing.data-inline-threshold, execution.checkpointing.dir, "
                        + "execution.checkpointing.externalized-checkpoint-retention, execution.checkpointing.interval, "
                        + "execution.checkpointing.max-concurrent-checkpoints, execution.checkpointing.min-pause, "
                        + "execution.checkpointing.mode, execution.checkpointing.num-retained, "
                        + "execution.checkpointing.timeout, execution.checkpointing.tolerable-failed-checkpoints, "
                        + "execution.runtime-mode, execution.savepoint.ignore-unclaimed-state, execution.savepoint.path, "
                        + "execution.target, pipeline.jars, rest.address, rest.port, restart-strategy.attempts, "
                        + "restart-strategy.backoff-multiplier, restart-strategy.delay, "
                        + "restart-strategy.failure-rate-interval, restart-strategy.max-delay, restart-strategy.type, "
                        + "taskmanager.network.memory.buffer-debloat.enabled, "
                        + "taskmanager.network.memory.buffer-debloat.period, "
                        + "taskmanager.network.memory.buffer-debloat.samples, "
                        + "taskmanager.network.memory.buffer-debloat.target, "
                        + "taskmanager.network.memory.buffer-debloat.threshold-percentages, "
                        + "weir.exchange.capacity, weir.workers] and the keys under 'state.backend.' and 's3.'");
    }
}
