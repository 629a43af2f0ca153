package dev.weir.streaming.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.typeinfo.Types;
import dev.weir.api.java.tuple.Tuple;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.api.java.tuple.Tuple3;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.streaming.api.windowing.triggers.CountTrigger;
import dev.weir.streaming.api.windowing.triggers.PurgingTrigger;
import dev.weir.util.Collector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Flink 1.x's keys by position and by field name, with Flink's Tuple keys and build-time errors. */
@Timeout(60)
@SuppressWarnings("deprecation")
class FieldKeysTest {

    /** A POJO as Flink's examples write them. */
    public static class WordCount {
        public String word;
        public int count;
        public Meta meta;

        public WordCount() {
        }

        WordCount(String word, int count, String lang) {
            this.word = word;
            this.count = count;
            this.meta = new Meta();
            this.meta.lang = lang;
        }

        @Override
        public String toString() {
            return word + ":" + count + ":" + meta.lang;
        }
    }

    /** A nested POJO. */
    public static class Meta {
        public String lang;
    }

    @Test
    void keyByAPositionGroupsTuplesByThatFieldAndSumByPositionRuns() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collect(env.fromData(Tuple3.of("a", 1, 10), Tuple3.of("b", 2, 20), Tuple3.of("a", 3, 30))
                .keyBy(0).sum(2).map(Tuple3::toString));
        assertThat(out).containsExactly("(a,1,10)", "(b,2,20)", "(a,1,40)");
    }

    @Test
    void theKeyOfSeveralPositionsIsATupleOfTheirValuesInTheOrderGiven() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        KeyedStream<Tuple3<String, Integer, Long>, Tuple> keyed = env.fromData(
                Tuple3.of("a", 1, 10L), Tuple3.of("a", 2, 20L), Tuple3.of("a", 1, 30L)).keyBy(1, 0);
        List<String> out = Jobs.collectSorted(keyed.process(new KeyedProcessFunction<Tuple, Tuple3<String, Integer, Long>, String>() {
            @Override
            public void processElement(Tuple3<String, Integer, Long> value, Context ctx, Collector<String> o) {
                o.collect(ctx.getCurrentKey().getClass().getSimpleName() + ctx.getCurrentKey() + "=" + value.f2);
            }
        }));
        assertThat(out).containsExactly("Tuple2(1,a)=10", "Tuple2(1,a)=30", "Tuple2(2,a)=20");
    }

    @Test
    void keyByFieldNamesOnPojosNestedFieldsIncludedWithSumByNameOnKeyedStreamsAndWindows() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<WordCount> words = env.fromData(new WordCount("to", 1, "en"), new WordCount("be", 1, "en"),
                new WordCount("to", 1, "en"), new WordCount("zu", 1, "de"));
        assertThat(Jobs.collect(words.keyBy("word").sum("count").map(WordCount::toString)))
                .containsExactly("to:1:en", "be:1:en", "to:2:en", "zu:1:de");
        assertThat(Jobs.collect(words.keyBy("meta.lang").sum("count").map(WordCount::toString)))
                .containsExactly("to:1:en", "to:2:en", "to:3:en", "zu:1:de");
        assertThat(Jobs.collect(words.keyBy("word").window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(2)))
                .sum("count").map(WordCount::toString))).containsExactly("to:2:en");
        assertThat(Jobs.collect(env.fromData(Tuple2.of("x", 1), Tuple2.of("x", 2)).keyBy("f0").maxBy("f1").map(t -> t.f1)))
                .containsExactly(1, 2);
    }

    @Test
    void aBasicValueIsKeyedByPositionZeroOrStar() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        assertThat(Jobs.collect(env.fromData(3, 4, 3).keyBy(0).sum(0))).containsExactly(3, 4, 6);
        assertThat(Jobs.collect(env.fromData("p", "q", "p").keyBy("*").map(s -> s + "!"))).containsExactly("p!", "q!", "p!");
    }

    @Test
    void aPositionOutsideTheTupleFailsWhenTheJobIsBuilt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Tuple2<String, Integer>> pairs = env.fromData(Tuple2.of("a", 1)).returns(Types.TUPLE(Types.STRING, Types.INT));
        assertThatThrownBy(() -> pairs.keyBy(2))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("keyBy(2) on dev.weir.api.java.tuple.Tuple2: no field at position 2; the fields are "
                        + "[f0: String, f1: Integer]. Address one of them, or use keyBy(KeySelector) for anything else");
    }

    @Test
    void aMissingPojoFieldFailsWhenTheJobIsBuiltNamingTheFieldsThereAre() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<WordCount> words = env.fromData(new WordCount("to", 1, "en"));
        assertThatThrownBy(() -> words.keyBy("wrod"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("keyBy(\"wrod\") on " + WordCount.class.getName() + ": no field 'wrod'; the fields are "
                        + "[count: int, meta: Meta, word: String] (public fields, or getters with setters). Name one of "
                        + "them, or use keyBy(KeySelector) for anything else");
        assertThatThrownBy(() -> words.keyBy("meta.country"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageStartingWith("keyBy(\"meta.country\") on " + WordCount.class.getName() + ": no field 'country' in "
                        + Meta.class.getName());
        assertThatThrownBy(() -> words.keyBy(new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keyBy(String...) needs at least one field expression, e.g. keyBy(\"word\")");
    }

    @Test
    void whenTheTypeIsUnknownAWrongFieldFailsTheJobOnTheFirstElementWithTheSameMessage() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData("to").map(w -> new WordCount(w, 1, "en")).keyBy("wrod").print();
        assertThatThrownBy(() -> env.execute("unknown type"))
                .hasStackTraceContaining("keyBy(\"wrod\") on " + WordCount.class.getName() + ": no field 'wrod'; the fields are "
                        + "[count: int, meta: Meta, word: String]");
    }
}
