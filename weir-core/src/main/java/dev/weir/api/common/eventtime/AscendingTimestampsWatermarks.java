package dev.weir.api.common.eventtime;

import java.time.Duration;

/** For timestamps that never decrease: the watermark trails the highest timestamp by one millisecond. */
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {
    public AscendingTimestampsWatermarks() {
        super(Duration.ZERO);
    }
}
