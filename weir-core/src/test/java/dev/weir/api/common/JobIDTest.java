package dev.weir.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobIDTest {

    @Test
    void printsBothHalvesAsSixteenLowerCaseHexDigitsEachWithLeadingZeros() {
        assertThat(new JobID(1, -1)).hasToString("0000000000000001ffffffffffffffff");
        assertThat(new JobID(0xabcdef0123456789L, 0)).hasToString("abcdef01234567890000000000000000");
    }

    @Test
    void parsesWhatItPrints() {
        JobID id = JobID.generate();
        assertThat(JobID.fromHexString(id.toString())).isEqualTo(id);
        assertThat(id.toString()).matches("[0-9a-f]{32}");
    }

    @Test
    void generatedIdsDiffer() {
        assertThat(JobID.generate()).isNotEqualTo(JobID.generate());
    }
}
