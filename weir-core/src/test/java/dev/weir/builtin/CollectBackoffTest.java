package dev.weir.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wait of a collect sink's side that found nothing to do, before it parks. */
class CollectBackoffTest {

    @Test
    void aSideSpinsAndYieldsForItsFirstHundredAndTenIdleLooksAndParksFromThenOn() {
        for (int look = 0; look < 110; look++) {
            assertThat(CollectBackoff.spinOrYield(look)).as("idle look %d", look).isTrue();
        }
        assertThat(CollectBackoff.spinOrYield(110)).isFalse();
        assertThat(CollectBackoff.spinOrYield(Integer.MAX_VALUE)).isFalse();
    }
}
