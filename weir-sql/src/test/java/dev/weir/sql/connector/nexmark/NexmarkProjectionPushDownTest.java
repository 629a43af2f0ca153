package dev.weir.sql.connector.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The nexmark source makes only the columns and ROW fields a query reads (projection push-down): the values it makes
 * are those of the whole event, the others are null, and a query's rows do not change.
 */
@Timeout(120)
class NexmarkProjectionPushDownTest {
    private static final NexmarkGenerator GENERATOR = new NexmarkGenerator(NexmarkConfig.fromOptions(java.util.Map.of()));
    private static final List<String> TOP = NexmarkColumns.TOP;
    private static final List<List<String>> NESTED = List.of(List.of(), NexmarkColumns.PERSON, NexmarkColumns.AUCTION,
            NexmarkColumns.BID);
    /** Weir's own rows of the source, as factory: nested rows are {@link Row}s, timestamps epoch millis. */
    private static final NexmarkRows ROWS = new NexmarkRows(GENERATOR, new NexmarkColumns(TOP, NESTED));

    @Test
    void everyFieldReadHasTheWholeEventsValueAndEveryOtherIsNull() {
        // Read: event_type, person.name and extra, auction.reserve and itemName, bid.url; not read: everything else.
        NexmarkColumns some = new NexmarkColumns(TOP, NESTED, (column, field) -> switch (column) {
            case 0 -> true;
            case 1 -> field == null || field.equals("name") || field.equals("extra");
            case 2 -> field == null || field.equals("reserve") || field.equals("itemName");
            default -> field == null || field.equals("url");
        });
        NexmarkColumns all = new NexmarkColumns(TOP, NESTED);
        for (long n = 0; n < 2_000; n++) {
            Row whole = all.fill(GENERATOR.event(n), ROWS);
            Row part = some.fill(some.event(GENERATOR, n), ROWS);
            assertThat(part.getField(0)).isEqualTo(whole.getField(0));
            for (int column = 1; column < 4; column++) {
                if (whole.getField(column) == null) {
                    assertThat(part.getField(column)).isNull();
                    continue;
                }
                Row wholeRow = (Row) whole.getField(column);
                Row partRow = (Row) part.getField(column);
                for (int f = 0; f < wholeRow.getArity(); f++) {
                    String field = NESTED.get(column).get(f);
                    boolean read = column == 1 && (field.equals("name") || field.equals("extra"))
                            || column == 2 && (field.equals("reserve") || field.equals("itemName"))
                            || column == 3 && field.equals("url");
                    assertThat(partRow.getField(f)).as("event %d, %s.%s", n, TOP.get(column), field)
                            .isEqualTo(read ? wholeRow.getField(f) : null);
                }
            }
        }
    }

    @Test
    void aColumnNotReadIsNullAndItsEventsAreNotMade() {
        NexmarkColumns typeOnly = new NexmarkColumns(TOP, NESTED, (column, field) -> column == 0);
        Row bid = typeOnly.fill(typeOnly.event(GENERATOR, 10), ROWS);
        assertThat(bid).isEqualTo(Row.of(2, null, null, null));
        NexmarkEvent made = typeOnly.event(GENERATOR, 10);
        assertThat(made.bid().url()).isNull();
        assertThat(made.bid().extra()).isNull();
        assertThat(made.bid().auction()).isEqualTo(GENERATOR.event(10).bid().auction());
    }

    @Test
    void aJoinOfTwoViewsReadingSomeFieldsGivesTheRowsOfTheWholeEvents() throws Exception {
        String query = "SELECT P.name, P.city, A.id, A.reserve FROM auction AS A JOIN person AS P ON A.seller = P.id "
                + "WHERE A.category = 10";
        NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.fromOptions(java.util.Map.of("first-event.rate",
                "1000", "next-event.rate", "1000", "events.num", "5000")));
        java.util.Map<Long, Person> persons = new java.util.HashMap<>();
        List<Auction> auctions = new ArrayList<>();
        for (long n = 0; n < 5_000; n++) {
            NexmarkEvent event = generator.event(n);
            if (event.person() != null) {
                persons.put(event.person().id(), event.person());
            } else if (event.auction() != null && event.auction().category() == 10) {
                auctions.add(event.auction());
            }
        }
        List<String> expected = new ArrayList<>();
        for (Auction a : auctions) {
            Person p = persons.get(a.seller());
            if (p != null) {
                expected.add("+I[" + p.name() + ", " + p.city() + ", " + a.id() + ", " + a.reserve() + "]");
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(NexmarkConnectorTest.rows(env("true"), query)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(NexmarkConnectorTest.rows(env("false"), query)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static TableEnvironment env(String reuse) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("table.local-time-zone", "UTC");
        env.getConfig().set("parallelism.default", "1");
        env.getConfig().set("table.optimizer.reuse-source-enabled", reuse);
        env.executeSql(String.format(NexmarkConnectorTest.DDL, 5_000));
        env.executeSql("CREATE VIEW person AS SELECT person.id, person.name, person.city, person.state, `dateTime`, "
                + "person.extra FROM datagen WHERE event_type = 0");
        env.executeSql("CREATE VIEW auction AS SELECT auction.id, auction.itemName, auction.description, auction.reserve, "
                + "auction.seller, auction.category, auction.extra FROM datagen WHERE event_type = 1");
        return env;
    }
}
