package dev.weir.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness is public API: users compile against it, so its signatures may name API types only. */
class HarnessApiBoundaryTest {
    private static final List<Class<?>> PUBLIC_TYPES = List.of(OperatorHarness.class, OneInputHarness.class, TwoInputHarness.class,
            ProcessFunctionTestHarnesses.class, HarnessRecord.class);

    @Test
    void noPublicOrProtectedSignatureOfTheHarnessNamesARuntimeType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : PUBLIC_TYPES) {
            assertThat(Modifier.isPublic(type.getModifiers())).as(type.getName()).isTrue();
            for (Method m : type.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic() && m.toGenericString().contains("dev.weir.engine")) {
                    leaks.add(m.toGenericString());
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (visible(c.getModifiers()) && c.toGenericString().contains("dev.weir.engine")) {
                    leaks.add(c.toGenericString());
                }
            }
            Arrays.stream(type.getDeclaredFields()).filter(f -> visible(f.getModifiers()))
                    .forEach(f -> leaks.add("visible field " + f));
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void onlyTheHarnessPackageCanMakeAHarness() {
        for (Class<?> type : PUBLIC_TYPES) {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                assertThat(visible(c.getModifiers())).as(c.toGenericString()).isFalse();
            }
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }
}
