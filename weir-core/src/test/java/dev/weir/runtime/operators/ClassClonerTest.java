package dev.weir.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.functions.MapFunction;
import org.junit.jupiter.api.Test;

class ClassClonerTest {

    @Test
    void eachInstanceGetsAPrivateCopyOfItsClassThatBehavesLikeTheOriginal() throws Exception {
        MapFunction<Object, Object> upper = v -> v.toString().toUpperCase();
        OneInputOperator first = ClassCloner.newInstance(MapOperator.class, new Class<?>[] {MapFunction.class}, upper);
        OneInputOperator second = ClassCloner.newInstance(MapOperator.class, new Class<?>[] {MapFunction.class}, upper);

        assertThat(first.getClass()).isNotEqualTo(MapOperator.class).isNotEqualTo(second.getClass());
        assertThat(first.getClass().isHidden()).isTrue();
        assertThat(first.getClass().getName()).startsWith(MapOperator.class.getName());

        java.util.List<Object> out = new java.util.ArrayList<>();
        first.setup(new TestContexts.Simple(), new TestContexts.ListOutput(out));
        first.open();
        first.processElement("weir", 7);
        assertThat(out).containsExactly("WEIR@7");
    }
}
