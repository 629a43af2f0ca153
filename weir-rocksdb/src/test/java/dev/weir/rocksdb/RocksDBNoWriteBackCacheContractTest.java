package dev.weir.rocksdb;

/** The keyed state contract on RocksDB with the write-back cache turned off: every access a RocksDB call. */
class RocksDBNoWriteBackCacheContractTest extends RocksDBKeyedStateBackendTest {
    @Override
    String writeBackCacheSize() {
        return "0";
    }
}
