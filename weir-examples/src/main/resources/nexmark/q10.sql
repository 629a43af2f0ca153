-- Nexmark q10: Log to File System
-- Every bid, with its day and minute, written to files (here: to a blackhole; Nexmark writes
-- partitioned files, which Weir's filesystem sink does not do yet).
-- Run it with: weir sql -i ddl.sql -f q10.sql   (ddl.sql: the nexmark source and its views)
-- The standard Nexmark query (github.com/nexmark/nexmark), over the table and views of ddl.sql.

CREATE TABLE nexmark_q10 (
    auction BIGINT,
    bidder BIGINT,
    price BIGINT,
    `dateTime` TIMESTAMP(3),
    extra VARCHAR,
    dt STRING,
    hm STRING
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q10
SELECT auction, bidder, price, `dateTime`, extra, DATE_FORMAT(`dateTime`, 'yyyy-MM-dd'), DATE_FORMAT(`dateTime`, 'HH:mm')
FROM bid;
