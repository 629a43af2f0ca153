package dev.weir.rocksdb;

/** The keyed state contract on RocksDB with a write-back cache of 2 KB, so most entries are evicted and read back. */
class RocksDBSmallWriteBackCacheContractTest extends RocksDBKeyedStateBackendTest {
    @Override
    String writeBackCacheSize() {
        return "2kb";
    }
}
