package dev.weir.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.Shard;

class ShardLineageTest {
    private static Shard shard(String id, String parent, String adjacentParent) {
        return Shard.builder().shardId(id).parentShardId(parent).adjacentParentShardId(adjacentParent).build();
    }

    @Test
    void childrenOfASplitAndTheirMergeBelongToTheReaderOfTheirFirstParent() {
        List<Shard> shards = List.of(shard("shardId-000000000000", null, null), shard("shardId-000000000001", null, null),
                shard("shardId-000000000002", "shardId-000000000000", null), shard("shardId-000000000003", "shardId-000000000000", null),
                shard("shardId-000000000004", "shardId-000000000002", "shardId-000000000003"));
        for (int parallelism = 1; parallelism <= 4; parallelism++) {
            Map<String, Integer> owners = ShardLineage.owners(shards, parallelism);
            int root = Math.floorMod("shardId-000000000000".hashCode(), parallelism);
            assertThat(owners).as("parallelism %d", parallelism).containsEntry("shardId-000000000000", root)
                    .containsEntry("shardId-000000000002", root).containsEntry("shardId-000000000003", root)
                    .containsEntry("shardId-000000000004", root)
                    .containsEntry("shardId-000000000001", Math.floorMod("shardId-000000000001".hashCode(), parallelism));
        }
    }

    @Test
    void aShardWhoseParentIsNoLongerListedIsPlacedByItsOwnId() {
        Map<String, Integer> owners = ShardLineage.owners(List.of(shard("shardId-000000000007", "shardId-000000000001", null)), 3);
        assertThat(owners).containsExactly(Map.entry("shardId-000000000007", Math.floorMod("shardId-000000000007".hashCode(), 3)));
    }

    @Test
    void anInitialTimestampIsReadAsAnIsoInstantOrAsEpochSeconds() {
        assertThat(KinesisShardReader.timestamp("2026-01-01T00:00:01.500Z")).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:01.500Z"));
        assertThat(KinesisShardReader.timestamp("1767225601.5")).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:01.500Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KinesisShardReader.timestamp("yesterday"))
                .hasMessage("source.init.timestamp 'yesterday' is neither an ISO-8601 instant nor epoch seconds");
    }
}
