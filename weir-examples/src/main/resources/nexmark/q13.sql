-- Nexmark q13: Bounded Side Input Join
-- Each bid enriched from a side table (a lookup join on processing time).
-- Run it with: weir sql -i ddl.sql -f q13.sql   (ddl.sql: the nexmark source and its views)
-- The standard Nexmark query (github.com/nexmark/nexmark), over the table and views of ddl.sql.
-- side_input.csv holds lines 'key,value' for keys 0..9999; write one, e.g. with
--   seq 0 9999 | awk '{print $1",v"$1}' > /tmp/nexmark-side_input.csv

CREATE TABLE side_input (
    key BIGINT,
    `value` VARCHAR
) WITH (
    'connector' = 'filesystem',
    'path' = '/tmp/nexmark-side_input.csv',
    'format' = 'csv'
);

CREATE TABLE nexmark_q13 (
    auction BIGINT,
    bidder BIGINT,
    price BIGINT,
    `dateTime` TIMESTAMP(3),
    `value` VARCHAR
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q13
SELECT B.auction, B.bidder, B.price, B.`dateTime`, S.`value`
FROM (SELECT *, PROCTIME() AS p_time FROM bid) B
JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S
ON MOD(B.auction, 10000) = S.key;
