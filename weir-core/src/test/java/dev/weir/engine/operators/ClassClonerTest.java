package dev.weir.engine.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.functions.MapFunction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassClonerTest {
    static final class Upper implements MapFunction<Object, Object> {
        @Override
        public Object map(Object value) {
            return value.toString().toUpperCase();
        }
    }

    static final class Lower implements MapFunction<Object, Object> {
        @Override
        public Object map(Object value) {
            return value.toString().toLowerCase();
        }
    }

    private static OneInputOperator map(MapFunction<Object, Object> f) {
        return ClassCloner.newInstance(MapOperator.class, f.getClass(), new Class<?>[] {MapFunction.class}, f);
    }

    /** A template no other test uses, so which callee claims it first is this class's to decide. */
    static final class Template {
        final Object argument;

        Template(Object argument) {
            this.argument = argument;
        }
    }

    private static Object template(Class<?> callee) {
        return ClassCloner.newInstance(Template.class, callee, new Class<?>[] {Object.class}, "x");
    }

    @Test
    void operatorsCallingDifferentFunctionsGetDifferentClassesAndTheSameShapeSharesOne() {
        OneInputOperator upper = map(new Upper());
        OneInputOperator lower = map(new Lower());
        OneInputOperator upperAgain = map(new Upper());

        assertThat(upper.getClass()).isNotEqualTo(lower.getClass());
        // Another test of this JVM may have claimed MapOperator itself first; then both are copies.
        OneInputOperator copied = upper.getClass() == MapOperator.class ? lower : upper;
        assertThat(copied.getClass().isHidden()).isTrue();
        assertThat(copied.getClass().getName()).startsWith(MapOperator.class.getName());
        assertThat(upperAgain.getClass()).as("a job of the same shape reuses the warmed-up class").isEqualTo(upper.getClass());
    }

    @Test
    void theFirstCalleeOfATemplateGetsTheTemplateItselfAndLaterCalleesGetCopies() {
        Object first = template(Upper.class);
        Object second = template(Lower.class);
        Object firstAgain = template(Upper.class);
        Object secondAgain = template(Lower.class);

        assertThat(first.getClass()).isEqualTo(Template.class);
        assertThat(firstAgain.getClass()).isEqualTo(Template.class);
        assertThat(second.getClass()).isNotEqualTo(Template.class);
        assertThat(second.getClass().isHidden()).isTrue();
        assertThat(secondAgain.getClass()).isEqualTo(second.getClass());
    }

    @Test
    void aCopyBehavesLikeTheOriginal() throws Exception {
        OneInputOperator lower = map(new Lower());
        List<Object> out = new ArrayList<>();
        lower.setup(new TestContexts.Simple(), new TestContexts.ListOutput(out));
        lower.open();
        lower.processElement("WEIR", 7);
        assertThat(out).containsExactly("weir@7");
    }
}
