package dev.weir.kinesis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Which reader owns which shard: a shard without a listed parent goes to {@code floorMod(hash(shardId), parallelism)},
 * and a shard created by a reshard to the owner of its parent, so a split's parent and children are read by one reader,
 * in order.
 */
final class ShardLineage {
    private ShardLineage() {
    }

    /** The owner of every shard in {@code shards}, by shard id. */
    static Map<String, Integer> owners(List<Shard> shards, int parallelism) {
        Map<String, Shard> byId = new HashMap<>();
        for (Shard shard : shards) {
            byId.put(shard.shardId(), shard);
        }
        Map<String, Integer> owners = new HashMap<>();
        for (Shard shard : shards) {
            owner(shard, byId, owners, parallelism);
        }
        return owners;
    }

    private static int owner(Shard shard, Map<String, Shard> byId, Map<String, Integer> owners, int parallelism) {
        Integer known = owners.get(shard.shardId());
        if (known != null) {
            return known;
        }
        Shard parent = shard.parentShardId() == null ? null : byId.get(shard.parentShardId());
        int owner = parent != null ? owner(parent, byId, owners, parallelism)
                : Math.floorMod(shard.shardId().hashCode(), parallelism);
        owners.put(shard.shardId(), owner);
        return owner;
    }
}
