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

    @Test
    void operatorsCallingDifferentFunctionsGetDifferentCopiesAndTheSameShapeSharesOne() {
        OneInputOperator upper = map(new Upper());
        OneInputOperator lower = map(new Lower());
        OneInputOperator upperAgain = map(new Upper());

        assertThat(upper.getClass()).isNotEqualTo(MapOperator.class).isNotEqualTo(lower.getClass());
        assertThat(upper.getClass().isHidden()).isTrue();
        assertThat(upper.getClass().getName()).startsWith(MapOperator.class.getName());
        assertThat(upperAgain.getClass()).as("a job of the same shape reuses the warmed-up copy").isEqualTo(upper.getClass());
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
