-- Nexmark q12: Processing Time Windows
-- How many bids each user makes in 10 seconds of processing time.
-- Run it with: weir sql -i ddl.sql -f q12.sql   (ddl.sql: the nexmark source and its views)
-- The standard Nexmark query (github.com/nexmark/nexmark), over the table and views of ddl.sql.

CREATE TABLE nexmark_q12 (
    bidder BIGINT,
    bid_count BIGINT,
    starttime TIMESTAMP(3),
    endtime TIMESTAMP(3)
) WITH (
    'connector' = 'blackhole'
);

CREATE VIEW B AS SELECT *, PROCTIME() AS p_time FROM bid;

INSERT INTO nexmark_q12
SELECT bidder, COUNT(*) AS bid_count, window_start AS starttime, window_end AS endtime
FROM TABLE(TUMBLE(TABLE B, DESCRIPTOR(p_time), INTERVAL '10' SECOND))
GROUP BY bidder, window_start, window_end;
