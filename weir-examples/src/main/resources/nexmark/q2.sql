-- Nexmark q2: Selection
-- The bids on a set of auctions (a stateless filter).
-- Run it with: weir sql -i ddl.sql -f q2.sql   (ddl.sql: the nexmark source and its views)
-- The standard Nexmark query (github.com/nexmark/nexmark), over the table and views of ddl.sql.

CREATE TABLE nexmark_q2 (
    auction BIGINT,
    price BIGINT
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q2
SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0;
