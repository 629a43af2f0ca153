package dev.weir.sql.connector.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.types.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generator's events never change (both engines of the bench and Flink's recorded rows read them), and a source
 * filling its rows straight from the generator gets the values of the events.
 */
class NexmarkGeneratorTest {
    private static final NexmarkGenerator GENERATOR = new NexmarkGenerator(NexmarkConfig.fromOptions(Map.of()));
    private static final List<String> TOP = NexmarkColumns.TOP;
    private static final List<List<String>> NESTED = List.of(List.of(), NexmarkColumns.PERSON, NexmarkColumns.AUCTION,
            NexmarkColumns.BID);
    private static final NexmarkRows ROWS = new NexmarkRows(GENERATOR, new NexmarkColumns(TOP, NESTED));

    @Test
    void theEventsAreTheOnesTheFirstGeneratorMade() {
        // Recorded from the generator as it was before its strings were built as bytes (2026-12-06).
        long hash = 0;
        for (long n = 0; n < 200_000; n++) {
            hash = hash * 31 + GENERATOR.event(n).hashCode();
        }
        assertThat(hash).isEqualTo(-3_320_342_504_355_445_313L);
        assertThat(GENERATOR.event(5).toString()).isEqualTo("NexmarkEvent[type=2, person=null, auction=null, bid=Bid["
                + "auction=1000, bidder=1000, price=1648, channel=channel-466, url=https://www.nexmark.com/sale/sale/sale/"
                + "item.htm?query=1&channel_id=466, dateTime=1436918400000, extra=lixldgfiqgqtpiiv], dateTime=1436918400000]");
        assertThat(GENERATOR.event(0).person().extra()).isEqualTo("upmukxmofslxl");
        assertThat(GENERATOR.event(2).auction().extra()).isEqualTo("muwvcdaroxdczyaihxokcg");
    }

    @Test
    void fillingFromTheGeneratorGivesTheRowsOfTheEvents() {
        NexmarkColumns all = new NexmarkColumns(TOP, NESTED);
        NexmarkColumns some = new NexmarkColumns(TOP, NESTED, (column, field) -> switch (column) {
            case 0 -> true;
            case 1 -> field == null || field.equals("dateTime");
            case 2 -> false;
            default -> field == null || field.equals("price") || field.equals("extra");
        });
        for (long n = 0; n < 5_000; n++) {
            for (NexmarkColumns columns : List.of(all, some)) {
                assertThat(columns.fill(GENERATOR, n, ROWS)).as("event %d", n)
                        .isEqualTo(columns.fill(columns.event(GENERATOR, n), ROWS));
            }
        }
        assertThat(some.fill(GENERATOR, 0, ROWS)).isEqualTo(Row.of(0, Row.of(null, null, null, null, null, null,
                1_436_918_400_000L, null), null, null));
    }

    @Test
    void eachKindsEventHasTheTimeAndTypeOfTheWholeEvent() {
        for (long n = 0; n < 5_000; n++) {
            NexmarkEvent event = GENERATOR.event(n);
            assertThat(GENERATOR.type(n)).isEqualTo(event.type());
            assertThat(GENERATOR.time(n)).isEqualTo(event.dateTime());
            switch (event.type()) {
                case NexmarkEvent.PERSON -> assertThat(GENERATOR.person(n, NexmarkGenerator.ALL_FIELDS)).isEqualTo(event.person());
                case NexmarkEvent.AUCTION -> assertThat(GENERATOR.auction(n, NexmarkGenerator.ALL_FIELDS))
                        .isEqualTo(event.auction());
                default -> assertThat(GENERATOR.bid(n, NexmarkGenerator.ALL_FIELDS)).isEqualTo(event.bid());
            }
        }
    }
}
