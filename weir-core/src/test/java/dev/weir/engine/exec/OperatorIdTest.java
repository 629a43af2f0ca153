package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorIdTest {
    @Test
    void anOperatorNameBecomesItsAutoIdExactlyAsTheRegularExpressionMadeIt() {
        String[] names = {"Map", "Source: events", "Window(TumblingEventTimeWindows(200), Count)", "  a--b  ", "",
            "über-ß", "emoji \uD83D\uDE00 name", "x1_y2", "-", "Sink: Collect Sink"};
        for (String name : names) {
            assertThat(TaskWiring.underscored(name)).as(name).isEqualTo(name.replaceAll("[^A-Za-z0-9]+", "_"));
        }
    }
}
