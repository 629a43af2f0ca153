package dev.weir.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.java.functions.KeySelector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyChecksTest {

    record Point(int x, int y) {
    }

    static final class NoHash {
    }

    static final class HashOnly {
        @Override
        public int hashCode() {
            return 1;
        }
    }

    static class InheritsNoHash extends NoHash2 {
    }

    static class NoHash2 {
    }

    private final KeyChecks checks = new KeyChecks("keyBy (1/2)");

    @Test
    void valueBasedKeysPassUnchanged() {
        Point point = new Point(1, 2);
        List<Integer> list = List.of(1, 2);
        assertThat(checks.check("k", "r")).isEqualTo("k");
        assertThat(checks.check(7L, "r")).isEqualTo(7L);
        assertThat(checks.check(point, "r")).isSameAs(point);
        assertThat(checks.check(list, "r")).isSameAs(list);
        assertThat(checks.check(TimeUnit.SECONDS, "r")).isSameAs(TimeUnit.SECONDS);
    }

    @Test
    void aNullKeyFailsNamingTheOperatorTheRecordAndAPlaceholderAsTheFix() {
        assertThatThrownBy(() -> checks.check(null, "order-17"))
                .isInstanceOf(IllegalKeyException.class)
                .hasMessage("Invalid key in keyBy (1/2): the KeySelector returned null for record 'order-17'"
                        + " (java.lang.String). Keys must not be null: map a missing key to a placeholder such as \"\""
                        + " or -1, or filter such records out before keyBy.");
    }

    @Test
    void anArrayKeyFailsNamingTheArrayTypeAndArraysAsListAsTheFix() {
        assertThatThrownBy(() -> checks.check(new int[] {1, 2}, "r"))
                .isInstanceOf(IllegalKeyException.class)
                .hasMessageContaining("a key of class int[]")
                .hasMessageContaining("arrays hash by identity")
                .hasMessageContaining("Use a String, a boxed primitive, a record or a Tuple")
                .hasMessageContaining("Arrays.asList(...)");
    }

    @Test
    void aKeyWhoseClassInheritsObjectHashCodeFailsNamingTheClass() {
        String noHash = NoHash.class.getTypeName();
        assertThatThrownBy(() -> checks.check(new NoHash(), "r"))
                .isInstanceOf(IllegalKeyException.class)
                .hasMessageContaining(noHash + " does not override hashCode()")
                .hasMessageContaining("Use a String, a boxed primitive, a record or a Tuple as the key,"
                        + " or override equals(Object) and hashCode() in NoHash.");
        assertThatThrownBy(() -> checks.check(new InheritsNoHash(), "r"))
                .hasMessageContaining(InheritsNoHash.class.getTypeName() + " does not override hashCode()");
    }

    @Test
    void aLambdaAsKeyFailsBecauseItHashesByIdentity() {
        Runnable lambda = () -> { };
        assertThatThrownBy(() -> checks.check(lambda, "r"))
                .isInstanceOf(IllegalKeyException.class)
                .hasMessageContaining("does not override hashCode()");
    }

    @Test
    void aKeyThatOverridesHashCodeButNotEqualsFails() {
        assertThatThrownBy(() -> checks.check(new HashOnly(), "r"))
                .isInstanceOf(IllegalKeyException.class)
                .hasMessageContaining(HashOnly.class.getTypeName() + " overrides hashCode() but not equals(Object)");
    }

    @Test
    void aBadKeyFailsEvenAfterAGoodKeyOfAnotherClassWasAccepted() {
        checks.check("good", "r");
        checks.check("good again", "r");

        assertThatThrownBy(() -> checks.check(new NoHash(), "r")).isInstanceOf(IllegalKeyException.class);
        assertThatThrownBy(() -> checks.check(null, "r")).isInstanceOf(IllegalKeyException.class);
    }

    @Test
    void theStaticCheckGivesTheSameVerdictsAsAnInstance() {
        assertThat(KeyChecks.checkKey(3, "r", "window (1/1)")).isEqualTo(3);
        assertThatThrownBy(() -> KeyChecks.checkKey(new Object[0], "r", "window (1/1)"))
                .isInstanceOf(IllegalKeyException.class)
                .hasMessageStartingWith("Invalid key in window (1/1): the KeySelector returned a key of class"
                        + " java.lang.Object[] for record 'r' (java.lang.String), but arrays hash by identity");
    }

    @Test
    void aThrowingKeySelectorFailsWithItsExceptionAsCauseNamingTheOperatorAndRecord() {
        KeySelector<Object, Object> failing = r -> {
            throw new IllegalArgumentException("no field 'user'");
        };
        assertThatThrownBy(() -> checks.keyOf(failing, "{\"id\":1}"))
                .isInstanceOf(IllegalKeyException.class)
                .hasMessage("Invalid key in keyBy (1/2): the KeySelector threw java.lang.IllegalArgumentException:"
                        + " no field 'user' for record '{\"id\":1}' (java.lang.String). Fix the KeySelector, or send"
                        + " the records it cannot handle to a side output with a ProcessFunction before keyBy.")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongRecordIsShortenedInTheMessage() {
        String record = "x".repeat(1_000);
        assertThatThrownBy(() -> checks.check(null, record))
                .hasMessageContaining("'" + "x".repeat(200) + "...'")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
    }

    @Test
    void aRecordWhoseToStringThrowsIsStillDescribed() {
        Object record = new Object() {
            @Override
            public String toString() {
                throw new UnsupportedOperationException("toString fails on purpose");
            }
        };
        assertThatThrownBy(() -> checks.check(null, record))
                .isInstanceOf(IllegalKeyException.class)
                .hasMessageContaining("<toString() threw java.lang.UnsupportedOperationException>");
    }
}
