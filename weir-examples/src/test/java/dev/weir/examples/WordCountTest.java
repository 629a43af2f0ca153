package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.util.CloseableIterator;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.java.tuple.Tuple2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WordCountTest {

    @Test
    void countsWordsPerFiveSecondWindowOfEventTime() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<Tuple2<String, Integer>> counts = new ArrayList<>();
        // 10 lines, one per second: windows [0,5) and [5,10) each hold 5 lines of the built-in text.
        try (CloseableIterator<Tuple2<String, Integer>> it = WordCount.build(env, 10, 0).executeAndCollect()) {
            it.forEachRemaining(counts::add);
        }
        // "to": lines 0-4 hold 2+1+0+1+2 = 6, lines 5-9 hold 1+0+1+2+1 = 5 (lines 8 and 9 repeat lines 0 and 1).
        assertThat(counts.stream().filter(t -> t.f0.equals("to")).map(t -> t.f1)).containsExactlyInAnyOrder(6, 5);
        assertThat(counts.stream().filter(t -> t.f0.equals("question")).map(t -> t.f1)).containsExactly(1, 1);
        assertThat(counts.stream().mapToInt(t -> t.f1).sum()).as("every word of the 10 lines counted once").isEqualTo(wordsIn(10));
    }

    private static int wordsIn(int lines) {
        int n = 0;
        for (int i = 0; i < lines; i++) {
            for (String w : TextLines.LINES.get(i % TextLines.LINES.size()).split("\\W+")) {
                if (!w.isEmpty()) {
                    n++;
                }
            }
        }
        return n;
    }
}
