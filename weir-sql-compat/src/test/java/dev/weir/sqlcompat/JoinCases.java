package dev.weir.sqlcompat;

import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's joins over {@link SqlCases}' tables: inner joins (insert-only, compared as multisets),
 * outer joins and joins of updating inputs (compared materialized: their changelog depends on which input a row
 * arrives from first), event-time interval joins (insert-only), cross joins, and the semi and anti joins of
 * [NOT] IN and [NOT] EXISTS subqueries (anti joins compared materialized).
 */
final class JoinCases {
    private JoinCases() {
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("joinInnerOnNullableKey", "SELECT a.id, b.id FROM people a JOIN people b ON a.age = b.age"));
        q.add(new SqlCases.Query("joinWithNonEquiCondition", "SELECT a.id, b.id, a.name FROM people a JOIN people b "
                + "ON a.name = b.name AND a.id < b.id"));
        q.add(new SqlCases.Query("joinWhereClause", "SELECT b1.item, b1.price, b2.supplier FROM bids b1, bids b2 "
                + "WHERE b1.item = b2.item AND b1.supplier <> b2.supplier"));
        q.add(new SqlCases.Query("joinOnExpressionKey", "SELECT p.id, a.name FROM people p JOIN adults a ON p.id = a.id + 1"));
        q.add(new SqlCases.Query("joinTwoKeys", "SELECT a.item, b.price FROM bids a JOIN bids b ON a.item = b.item "
                + "AND a.supplier = b.supplier"));
        q.add(new SqlCases.Query("leftJoin", "SELECT p.id, p.name, a.age FROM people p LEFT JOIN adults a ON p.id = a.id + 1",
                true, true));
        q.add(new SqlCases.Query("rightJoin", "SELECT p.id, a.id, a.name FROM people p RIGHT JOIN adults a ON p.age = a.age + 7",
                true, true));
        q.add(new SqlCases.Query("fullJoin", "SELECT p.name, b.item FROM people p FULL OUTER JOIN bids b "
                + "ON p.id = CHAR_LENGTH(b.supplier) - 6", true, true));
        q.add(new SqlCases.Query("leftJoinWithNonEquiCondition", "SELECT a.id, b.id FROM people a LEFT JOIN people b "
                + "ON a.name = b.name AND a.id < b.id", true, true));
        q.add(new SqlCases.Query("joinOfAnAggregate", "SELECT s.supplier, s.c, b.item FROM (SELECT supplier, COUNT(*) AS c "
                + "FROM bids GROUP BY supplier) s JOIN bids b ON s.supplier = b.supplier AND b.price > 5", true, true));
        q.add(new SqlCases.Query("aggregateOfALeftJoin", "SELECT p.name, COUNT(a.id) FROM people p LEFT JOIN adults a "
                + "ON p.name = a.name GROUP BY p.name", true, true));
        q.add(new SqlCases.Query("intervalJoin", "SELECT a.item, b.item, b.bidtime FROM bids a JOIN bids b "
                + "ON a.supplier = b.supplier AND a.bidtime BETWEEN b.bidtime - INTERVAL '2' MINUTE AND b.bidtime + INTERVAL '2' MINUTE"));
        q.add(new SqlCases.Query("intervalJoinOneSided", "SELECT c1.user_name, c1.url, c2.url, c2.ts FROM clicks c1 JOIN clicks c2 "
                + "ON c1.user_name = c2.user_name AND c2.ts > c1.ts AND c2.ts <= c1.ts + INTERVAL '1' MINUTE"));
        q.add(new SqlCases.Query("leftIntervalJoin", "SELECT a.item, a.supplier, b.item FROM bids a LEFT JOIN bids b "
                + "ON a.supplier = b.supplier AND b.bidtime > a.bidtime AND b.bidtime < a.bidtime + INTERVAL '3' MINUTE"));
        q.add(new SqlCases.Query("fullIntervalJoinWithCondition", "SELECT a.item, b.item FROM bids a FULL JOIN bids b "
                + "ON a.supplier = b.supplier AND a.price > b.price AND b.bidtime BETWEEN a.bidtime - INTERVAL '4' MINUTE "
                + "AND a.bidtime"));
        // Cross joins and joins on other conditions alone: keyed by the empty key, as in Flink.
        q.add(new SqlCases.Query("crossJoin", "SELECT p.id, a.name FROM people p CROSS JOIN adults a"));
        q.add(new SqlCases.Query("joinOnTrue", "SELECT p.id, b.item FROM people p JOIN bids b ON TRUE WHERE p.id < 3"));
        q.add(new SqlCases.Query("joinOnNonEquiConditionOnly", "SELECT a.id, b.id FROM people a JOIN people b ON a.age < b.age"));
        q.add(new SqlCases.Query("leftJoinOnNonEquiConditionOnly", "SELECT p.id, b.item FROM people p LEFT JOIN bids b "
                + "ON p.score > 80 AND b.price > 6", true, true));
        // Semi and anti joins from subqueries.
        q.add(new SqlCases.Query("inSubquery", "SELECT id, name FROM people WHERE age IN (SELECT age FROM adults)"));
        q.add(new SqlCases.Query("existsCorrelatedWithNonEquiCondition", "SELECT item, price FROM bids b WHERE EXISTS ("
                + "SELECT * FROM bids b2 WHERE b2.supplier = b.supplier AND b2.price > b.price)"));
        q.add(new SqlCases.Query("notExistsCorrelated", "SELECT item, price FROM bids b WHERE NOT EXISTS ("
                + "SELECT * FROM bids b2 WHERE b2.supplier = b.supplier AND b2.price > b.price)", true, true));
        q.add(new SqlCases.Query("notInWithNullsOnBothSides", "SELECT p.id FROM people p WHERE p.age NOT IN ("
                + "SELECT q.age FROM people q WHERE q.name = p.name AND q.id <> p.id)", true, true));
        q.add(new SqlCases.Query("notInWithANullOnTheRightKeepsNothing", "SELECT p.id, x.id FROM people p LEFT JOIN ("
                + "SELECT id FROM people WHERE age NOT IN (SELECT age FROM people WHERE id > 1)) x ON p.id = x.id", true, true));
        q.add(new SqlCases.Query("notInOfNotNullColumns", "SELECT item FROM bids WHERE COALESCE(price, 0) NOT IN ("
                + "SELECT COALESCE(price, 0) * 2 FROM bids)", true, true));
        q.add(new SqlCases.Query("inAnUpdatingSubquery", "SELECT supplier, item FROM bids WHERE supplier IN ("
                + "SELECT supplier FROM bids GROUP BY supplier HAVING COUNT(*) < 3)", true, true));
        q.add(new SqlCases.Query("notInAnUpdatingSubquery", "SELECT supplier, item FROM bids WHERE supplier NOT IN ("
                + "SELECT supplier FROM bids GROUP BY supplier HAVING COUNT(*) >= 3)", true, true));
        return q;
    }
}
