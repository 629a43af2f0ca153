package dev.weir.kinesis;

import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Records one GetRecords call returned for one shard, handed from the fetcher thread to the reader; {@code shardEnded}
 * when the shard is closed and this batch holds its last records. An empty batch that has not ended announces that the
 * fetcher started reading the shard.
 */
record ShardBatch(String shardId, List<Record> records, boolean shardEnded) {
}
