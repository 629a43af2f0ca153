package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.engine.checkpoint.RestoredJob;
import dev.weir.engine.checkpoint.StoredRestore;
import dev.weir.engine.checkpoint.storage.CheckpointException;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.checkpoint.storage.StateFile;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.KeyedStateBackendParameters;
import dev.weir.engine.state.VoidNamespace;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental checkpoints of the RocksDB backend through the checkpoint storage: what a checkpoint uploads after a
 * small change, what restores from it (at the same and at another parallelism), what retention deletes, and the
 * refusal of a damaged or missing shared file, named.
 */
@Timeout(120)
class RocksDBIncrementalCheckpointTest {
    private static final int MAX_PARALLELISM = 128;
    private static final int DEFAULT_KEYS = 10_000;
    /** Raised with -Dweir.incremental.keys=... to measure checkpoint sizes of a larger state (docs/state-backends.md). */
    private static final int KEYS = Integer.getInteger("weir.incremental.keys", DEFAULT_KEYS);
    private static final String OPERATOR = OneSubtaskCheckpoints.OPERATOR;
    private static final String NAME = OneSubtaskCheckpoints.NAME;

    @TempDir
    Path dir;

    private final List<RocksDBKeyedStateBackend> backends = new ArrayList<>();
    private final Map<Integer, String> values = new HashMap<>();
    private CheckpointStorage storage;

    @BeforeEach
    void storage() {
        storage = new CheckpointStorage(dir.resolve("checkpoints"), "job");
    }

    @AfterEach
    void closeBackends() {
        backends.forEach(RocksDBKeyedStateBackend::close);
    }

    private RocksDBKeyedStateBackend backend(KeyGroupRange range) throws Exception {
        return backend(range, true);
    }

    private RocksDBKeyedStateBackend backend(KeyGroupRange range, boolean incremental) throws Exception {
        RocksDBKeyedStateBackend backend = (RocksDBKeyedStateBackend) new RocksDBStateBackendFactory().create(
                new KeyedStateBackendParameters(OPERATOR, NAME, 0, MAX_PARALLELISM, range, () -> 0L,
                        Map.of("state.backend.type", "rocksdb", "execution.checkpointing.incremental", Boolean.toString(incremental),
                                "state.backend.rocksdb.localdir", dir.resolve("local").toString())));
        backends.add(backend);
        return backend;
    }

    private static String payload(int key, int version) {
        StringBuilder s = new StringBuilder(200);
        java.util.Random random = new java.util.Random(key * 31L + version);
        for (int i = 0; i < 200; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private void fill(RocksDBKeyedStateBackend backend) throws Exception {
        fill(backend, 0, KEYS);
    }

    /** Writes the first state of keys {@code from} to {@code to - 1}: a value each, a list and a map entry every tenth. */
    private void fill(RocksDBKeyedStateBackend backend, int from, int to) throws Exception {
        for (int key = from; key < to; key++) {
            backend.setCurrentKey(key);
            value(backend).update(payload(key, 0));
            values.put(key, payload(key, 0));
            if (key % 10 == 0) {
                list(backend).add(key);
                list(backend).add(-key);
                map(backend).put("k", "m" + key);
            }
        }
    }

    /** Changes the value of one key in a hundred. */
    private void changeOnePercent(RocksDBKeyedStateBackend backend, int version) throws Exception {
        for (int key = version; key < KEYS; key += 100) {
            backend.setCurrentKey(key);
            value(backend).update(payload(key, version));
            values.put(key, payload(key, version));
        }
    }

    private void changeEveryKey(RocksDBKeyedStateBackend backend, int version) throws Exception {
        for (int key = 0; key < KEYS; key++) {
            backend.setCurrentKey(key);
            value(backend).update(payload(key, version));
            values.put(key, payload(key, version));
        }
    }

    private static ValueState<String> value(RocksDBKeyedStateBackend backend) {
        return backend.getOrCreateState(new ValueStateDescriptor<>("v", String.class));
    }

    private static ListState<Integer> list(RocksDBKeyedStateBackend backend) {
        return backend.getOrCreateState(new ListStateDescriptor<>("l", Integer.class));
    }

    private static MapState<String, String> map(RocksDBKeyedStateBackend backend) {
        return backend.getOrCreateState(new MapStateDescriptor<>("m", String.class, String.class));
    }

    private Path checkpoint(long id, RocksDBKeyedStateBackend backend) throws Exception {
        return OneSubtaskCheckpoints.checkpoint(storage, id, backend, MAX_PARALLELISM);
    }

    private List<StateFile> files(Path checkpoint) {
        return storage.load(checkpoint).stateFiles(OPERATOR, 0);
    }

    private static Set<String> sharedNames(List<StateFile> files) {
        return files.stream().filter(StateFile::shared).map(StateFile::storedName).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> sharedFolder() throws IOException {
        Path shared = storage.jobDirectory().resolve("shared");
        try (Stream<Path> files = Files.list(shared)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private void assertRestores(RestoredJob restore, KeyGroupRange range) throws Exception {
        assertRestores(restore, range, true);
    }

    private void assertRestores(RestoredJob restore, KeyGroupRange range, boolean incremental) throws Exception {
        RocksDBKeyedStateBackend restored = backend(range, incremental);
        restored.restoreFiles(restore.keyedStateFiles(OPERATOR, range.getStartKeyGroup(), range.getEndKeyGroup()));
        Set<Object> expectedKeys = new TreeSet<>();
        for (int key = 0; key < KEYS; key++) {
            if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM))) {
                expectedKeys.add(key);
                restored.setCurrentKey(key);
                assertThat(value(restored).value()).isEqualTo(values.get(key));
                if (key % 10 == 0) {
                    assertThat(list(restored).get()).containsExactly(key, -key);
                    assertThat(map(restored).get("k")).isEqualTo("m" + key);
                }
            }
        }
        Set<Object> keys = restored.getKeys("v", VoidNamespace.INSTANCE).collect(Collectors.toCollection(TreeSet::new));
        assertThat(keys).as("exactly the keys of " + range).isEqualTo(expectedKeys);
    }

    @Test
    void aCheckpointAfterASmallChangeUploadsOneNewSstFileAndReferencesTheRest() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
        fill(backend);
        long started = System.nanoTime();
        List<StateFile> first = files(checkpoint(1, backend));
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        changeOnePercent(backend, 1);
        started = System.nanoTime();
        List<StateFile> second = files(checkpoint(2, backend));
        long secondMillis = (System.nanoTime() - started) / 1_000_000;

        Set<String> firstShared = sharedNames(first);
        Set<String> secondShared = sharedNames(second);
        Set<String> uploaded = new TreeSet<>(secondShared);
        uploaded.removeAll(firstShared);
        long stateBytes = second.stream().filter(StateFile::shared).mapToLong(StateFile::length).sum();
        long uploadedBytes = second.stream().filter(f -> !f.shared() || uploaded.contains(f.storedName()))
                .mapToLong(StateFile::length).sum();
        long fullBytes = first.stream().mapToLong(StateFile::length).sum();
        // Figures for the documentation (printed before the assertions, which hold at the default size); timings are
        // printed, never asserted.
        System.out.printf("RocksDB checkpoint sizes, %d keys: first checkpoint %d bytes in %d ms; after 1%% of keys changed, "
                + "the incremental one uploads %d bytes (of %d it references) in %d ms%n", KEYS, fullBytes, firstMillis,
                uploadedBytes, stateBytes, secondMillis);
        if (KEYS == DEFAULT_KEYS) {
            // A larger state spans several SST files per state (memtables flushed while filling) and may be compacted.
            assertThat(firstShared).as("one SST file per state").hasSize(3);
            assertThat(secondShared).containsAll(firstShared);
            assertThat(uploaded).as("the one new SST file of the changed state").hasSize(1);
        }
        assertThat(uploadedBytes).as("uploaded by the incremental checkpoint").isLessThan(stateBytes / 20);
    }

    @Test
    void twentyIncrementalCheckpointsOfOnePercentChangesEachUploadASmallShareOfTheStateWhateverRocksDBCompacts() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
        fill(backend);
        Set<String> previous = sharedNames(files(checkpoint(1, backend)));
        storage.retain(1);
        long uploadedInAll = 0;
        long stateBytes = 0;
        List<Long> uploads = new ArrayList<>();
        for (int id = 2; id <= 21; id++) {
            changeOnePercent(backend, id);
            List<StateFile> files = files(checkpoint(id, backend));
            storage.retain(1);
            Set<String> known = previous;
            long uploaded = files.stream().filter(f -> !f.shared() || !known.contains(f.storedName())).mapToLong(StateFile::length).sum();
            stateBytes = files.stream().filter(StateFile::shared).mapToLong(StateFile::length).sum();
            uploads.add(uploaded);
            uploadedInAll += uploaded;
            previous = sharedNames(files);
        }
        // Compaction runs in the background, at moments that vary from run to run, and merges the small changes'
        // files; what it must never do after a small change is rewrite the whole state (levelled compaction did, about
        // every fourth checkpoint here).
        long state = stateBytes;
        assertThat(uploads).as("bytes each checkpoint uploaded, of a state of " + state).allMatch(u -> u < state / 4);
        assertThat(uploadedInAll).as("bytes 20 checkpoints uploaded in all (" + uploads + "), of a state of " + state)
                .isLessThan(state);
        assertRestores(StoredRestore.load(storage.latest().orElseThrow()), KeyGroupRange.of(0, MAX_PARALLELISM - 1));
    }

    /** Takes checkpoints one after another, retaining one, and notes the SST bytes each uploaded and the state's. */
    private final class UploadLog {
        final List<Long> uploads = new ArrayList<>();
        long stateBytes;
        private Set<String> previous = Set.of();

        void checkpoint(long id, RocksDBKeyedStateBackend backend) throws Exception {
            List<StateFile> files = files(RocksDBIncrementalCheckpointTest.this.checkpoint(id, backend));
            storage.retain(1);
            Set<String> known = previous;
            uploads.add(files.stream().filter(f -> f.shared() && !known.contains(f.storedName())).mapToLong(StateFile::length).sum());
            stateBytes = files.stream().filter(StateFile::shared).mapToLong(StateFile::length).sum();
            previous = sharedNames(files);
        }

        /** Every key new, in {@code parts} equal parts, a checkpoint after each (ids 1 to parts); forgets their uploads. */
        void load(RocksDBKeyedStateBackend backend, int parts) throws Exception {
            for (int id = 1; id <= parts; id++) {
                fill(backend, (id - 1) * KEYS / parts, id * KEYS / parts);
                checkpoint(id, backend);
            }
            uploads.clear();
        }
    }

    @Test
    void theIncrementalCheckpointsRightAfterALoadingBurstUploadOnlyTheFewChangedKeys() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
        // Loading: every key new, a tenth of them between each two checkpoints, as a job's first seconds under
        // periodic checkpoints; each checkpoint's flush leaves one more sorted run of new keys.
        int steps = 10;
        UploadLog log = new UploadLog();
        log.load(backend, steps);
        // The checkpoint after the burst, nothing changed since the last one, then three of 1% changes each.
        for (int id = steps + 1; id <= steps + 4; id++) {
            if (id > steps + 1) {
                changeOnePercent(backend, id);
            }
            log.checkpoint(id, backend);
        }
        List<Long> uploads = log.uploads;
        long state = log.stateBytes;
        // A hundred keys of 10,000 change: a few KB of SST files each time, never a merge of the loading's runs
        // (which universal compaction ran right after the burst, so the next checkpoint uploaded the whole state).
        assertThat(uploads.subList(1, uploads.size())).as("SST bytes uploaded by the checkpoints after 1% changes, of a state of "
                + state + " (the one after the burst uploaded " + uploads.get(0) + ")").allMatch(u -> u < state / 10);
        assertRestores(StoredRestore.load(storage.latest().orElseThrow()), KeyGroupRange.of(0, MAX_PARALLELISM - 1));
    }

    @Test
    void whenALoadingBurstEndsInsideACheckpointTheNextCheckpointsAfterSmallChangesUploadOnlyTheChangedKeys() throws Exception {
        // The burst's last part is flushed by the checkpoint that ends it (no quiet checkpoint after it), as when the
        // loading runs faster than the checkpoint interval: all of it in one checkpoint, in two halves, in three thirds.
        for (int parts : new int[] {1, 2, 3}) {
            RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
            storage = new CheckpointStorage(dir.resolve("checkpoints-" + parts), "job");
            UploadLog log = new UploadLog();
            log.load(backend, parts);
            // A checkpoint after a 1% change, then one with nothing changed (what a probe's periodic checkpoints see).
            for (int id = parts + 1; id <= parts + 4; id++) {
                if ((id - parts) % 2 == 1) {
                    changeOnePercent(backend, id);
                }
                log.checkpoint(id, backend);
            }
            long state = log.stateBytes;
            assertThat(log.uploads).as("SST bytes uploaded by the checkpoints after a 1%% change and after none, of a state of %d, "
                    + "loaded in %d parts", state, parts).allMatch(u -> u < state / 10);
            assertRestores(StoredRestore.load(storage.latest().orElseThrow()), KeyGroupRange.of(0, MAX_PARALLELISM - 1));
        }
    }

    @Test
    void aCheckpointRestoresWhenTheJobSwitchesBetweenIncrementalAndFullCheckpointsEitherWay() throws Exception {
        // Incremental checkpoints compact universally, full ones by level: each database opens under the other style.
        RocksDBKeyedStateBackend incremental = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1), true);
        fill(incremental);
        for (int id = 1; id <= 6; id++) {
            changeEveryKey(incremental, id);
            checkpoint(id, incremental);
        }
        assertRestores(StoredRestore.load(storage.latest().orElseThrow()), KeyGroupRange.of(0, MAX_PARALLELISM - 1), false);

        RocksDBKeyedStateBackend full = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1), false);
        full.restoreFiles(StoredRestore.load(storage.latest().orElseThrow()).keyedStateFiles(OPERATOR, 0, MAX_PARALLELISM - 1));
        for (int id = 7; id <= 12; id++) {
            changeEveryKey(full, id);
            checkpoint(id, full);
        }
        assertRestores(StoredRestore.load(storage.latest().orElseThrow()), KeyGroupRange.of(0, MAX_PARALLELISM - 1), true);
    }

    @Test
    void aFullCheckpointCopiesEveryFileIntoTheCheckpointsOwnFolderAndRestores() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1), false);
        fill(backend);
        List<StateFile> first = files(checkpoint(1, backend));
        changeOnePercent(backend, 1);
        Path second = checkpoint(2, backend);
        List<StateFile> files = files(second);

        assertThat(files).as("nothing shared").noneMatch(StateFile::shared);
        assertThat(files.stream().filter(f -> f.localName().endsWith(".sst")).count()).as("the first checkpoint's three SST files "
                + "and the new one").isEqualTo(4);
        assertThat(files).allMatch(f -> Files.isRegularFile(second.resolve(f.storedName())));
        assertThat(files.stream().mapToLong(StateFile::length).sum()).isGreaterThan(first.stream().mapToLong(StateFile::length).sum());
        assertRestores(StoredRestore.load(storage.latest().orElseThrow()), KeyGroupRange.of(0, MAX_PARALLELISM - 1));
    }

    @Test
    void aRestoreFromTheLatestOfSeveralIncrementalCheckpointsHoldsTheLatestState() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
        fill(backend);
        checkpoint(1, backend);
        changeOnePercent(backend, 1);
        checkpoint(2, backend);
        changeOnePercent(backend, 2);
        checkpoint(3, backend);
        storage.retain(1);

        assertRestores(StoredRestore.load(storage.latest().orElseThrow()), KeyGroupRange.of(0, MAX_PARALLELISM - 1));
    }

    @Test
    void aRestoredBackendsNextCheckpointReferencesTheRestoredFilesAndRestoresInTurn() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
        fill(backend);
        Set<String> before = sharedNames(files(checkpoint(1, backend)));

        RocksDBKeyedStateBackend restored = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
        restored.restoreFiles(StoredRestore.load(storage.latest().orElseThrow()).keyedStateFiles(OPERATOR, 0, MAX_PARALLELISM - 1));
        changeOnePercent(restored, 5);
        Set<String> after = sharedNames(files(checkpoint(2, restored)));

        assertThat(after).containsAll(before).hasSize(before.size() + 1);
        assertRestores(StoredRestore.load(storage.latest().orElseThrow()), KeyGroupRange.of(0, MAX_PARALLELISM - 1));
    }

    @Test
    void anIncrementalCheckpointRestoresAtAnotherParallelismEachSubtaskWithExactlyItsKeyGroups() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
        fill(backend);
        checkpoint(1, backend);
        changeOnePercent(backend, 1);
        checkpoint(2, backend);
        RestoredJob restore = StoredRestore.load(storage.latest().orElseThrow());

        assertRestores(restore, KeyGroupRange.of(0, 42));
        assertRestores(restore, KeyGroupRange.of(43, 85));
        assertRestores(restore, KeyGroupRange.of(86, MAX_PARALLELISM - 1));
    }

    @Test
    void retentionDeletesTheSharedFilesNoRetainedCheckpointListsOnceCompactionReplacedThem() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
        fill(backend);
        Set<String> first = sharedNames(files(checkpoint(1, backend)));
        storage.retain(1);
        Set<String> latest = first;
        Set<String> everUploaded = new TreeSet<>(first);
        // Universal compaction merges a state's first sorted run with the later ones once those are about as large:
        // every key rewritten makes them so within a few checkpoints; until then nothing can be deleted.
        for (int id = 2; id <= 40 && latest.containsAll(first); id++) {
            changeEveryKey(backend, id);
            latest = sharedNames(files(checkpoint(id, backend)));
            everUploaded.addAll(latest);
            storage.retain(1);
            assertThat(sharedFolder()).as("shared files after checkpoint " + id + " and retention of one").isEqualTo(latest);
        }
        Set<String> replaced = new TreeSet<>(first);
        replaced.removeAll(latest);
        assertThat(replaced).as("files of the first checkpoint that compaction replaced").isNotEmpty();
        assertThat(replaced).as("deleted from the shared folder").noneMatch(this::sharedFolderContains);
        assertThat(everUploaded.size()).isGreaterThan(sharedFolder().size());
        assertRestores(StoredRestore.load(storage.latest().orElseThrow()), KeyGroupRange.of(0, MAX_PARALLELISM - 1));
    }

    private boolean sharedFolderContains(String name) {
        return Files.exists(storage.jobDirectory().resolve("shared").resolve(name));
    }

    @Test
    void aCompletedCheckpointWithADamagedSharedSstFileIsRefusedNamingTheFile() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
        fill(backend);
        StateFile sst = files(checkpoint(1, backend)).stream().filter(StateFile::shared).findFirst().orElseThrow();
        Path file = storage.jobDirectory().resolve("shared").resolve(sst.storedName());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(100);
            int b = raf.read();
            raf.seek(100);
            raf.write(b ^ 0xFF);
        }

        assertThatThrownBy(storage::latest).isInstanceOf(CheckpointException.class)
                .satisfies(e -> assertThat(((CheckpointException) e).file()).isEqualTo(file))
                .satisfies(e -> assertThat(((CheckpointException) e).reason()).matches(
                        "checksum 0x[0-9A-F]{8} differs from 0x[0-9A-F]{8} recorded in _metadata for a state file of subtask 0 "
                                + "of operator 'op' \\(Keyed Process \\(1/1\\)\\) \\(" + sst.localName() + "\\): the file was "
                                + "damaged or replaced after the checkpoint completed"));
    }

    @Test
    void aCompletedCheckpointWithAMissingSharedSstFileIsRefusedNamingTheFile() throws Exception {
        RocksDBKeyedStateBackend backend = backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
        fill(backend);
        StateFile sst = files(checkpoint(1, backend)).stream().filter(StateFile::shared).findFirst().orElseThrow();
        Path file = storage.jobDirectory().resolve("shared").resolve(sst.storedName());
        Files.delete(file);

        assertThatThrownBy(storage::latest).isInstanceOf(CheckpointException.class)
                .satisfies(e -> assertThat(((CheckpointException) e).file()).isEqualTo(file))
                .satisfies(e -> assertThat(((CheckpointException) e).reason()).isEqualTo("missing: _metadata lists it as a state "
                        + "file of subtask 0 of operator 'op' (Keyed Process (1/1)) (" + sst.localName() + ") but the file does not exist"));
    }
}
