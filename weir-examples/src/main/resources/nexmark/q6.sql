-- Nexmark q6: Average Selling Price by Seller
-- The average of each seller's last 10 winning prices (OVER on an updating aggregate).
-- Run it with: weir sql -i ddl.sql -f q6.sql   (ddl.sql: the nexmark source and its views)
-- The standard Nexmark query (github.com/nexmark/nexmark), over the table and views of ddl.sql.
-- Flink 2.3 refuses this query too: B.`dateTime` is neither grouped nor aggregated, and an OVER aggregate cannot read
-- the updating result of a GROUP BY. Nexmark lists it as not supported on Flink.

CREATE TABLE nexmark_q6 (
    seller VARCHAR,
    avg_price BIGINT
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q6
SELECT Q.seller, AVG(Q.final) OVER (PARTITION BY Q.seller ORDER BY Q.`dateTime` ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)
FROM (
    SELECT MAX(B.price) AS final, A.seller, B.`dateTime`
    FROM auction AS A, bid AS B
    WHERE A.id = B.auction AND B.`dateTime` BETWEEN A.`dateTime` AND A.expires
    GROUP BY A.id, A.seller
) AS Q;
