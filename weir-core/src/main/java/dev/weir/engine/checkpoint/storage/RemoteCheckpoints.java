package dev.weir.engine.checkpoint.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkpoint folders in a {@link CheckpointObjectStore}: a checkpoint is written on local disk first (the staging copy
 * the engine reads back after an in-process restart), then published object by object with {@code _metadata} last,
 * so a reader never sees a complete-looking checkpoint with missing state. Deletion takes {@code _metadata} first for
 * the same reason.
 */
final class RemoteCheckpoints implements AutoCloseable {
    /** Compiled on first use: every local job asks {@link #isRemote}, only remote ones list checkpoints. */
    private static final class MetadataKeys {
        static final Pattern CHECKPOINT_METADATA = Pattern.compile("^chk-(\\d{1,18})/" + FileFormat.METADATA_FILE + "$");
    }

    private static final String SHARED_PREFIX = SharedStateFiles.FOLDER + "/";

    private final CheckpointObjectStore store;
    /** Shared state files this instance uploaded: a later checkpoint that references one uploads nothing. */
    private final Set<String> sharedUploaded = ConcurrentHashMap.newKeySet();

    private RemoteCheckpoints(CheckpointObjectStore store) {
        this.store = store;
    }

    /**
     * The scheme of {@code location} when it reads {@code scheme://rest} (a letter, then letters, digits, '+', '.' or
     * '-'; a rest without line breaks), else null. A loop rather than a regular expression: every job asks while
     * starting, and compiling a pattern in a fresh JVM costs more than the rest of this check.
     */
    static String scheme(String location) {
        int colon = location.indexOf("://");
        if (colon < 1 || !isAsciiLetter(location.charAt(0))) {
            return null;
        }
        for (int i = 1; i < colon; i++) {
            char c = location.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return null;
            }
        }
        for (int i = colon + 3; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return null;
            }
        }
        return location.substring(0, colon);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Whether {@code location} names an object store ({@code s3://...}) rather than a local folder. */
    static boolean isRemote(String location) {
        String scheme = scheme(location);
        return scheme != null && !scheme.equalsIgnoreCase("file");
    }

    /** A local folder given as a path or a {@code file://} URI. */
    static Path localPath(String location) {
        return scheme(location) != null ? Path.of(URI.create(location)) : Path.of(location);
    }

    /**
     * Opens the store of a remote {@code location} through the factory registered for its scheme.
     *
     * @throws IllegalArgumentException when no module on the class path serves the scheme, naming the module to add
     */
    static RemoteCheckpoints open(String location, Map<String, String> settings) {
        String named = scheme(location);
        if (named == null) {
            throw new IllegalArgumentException("'" + location + "' is not a URI with a scheme");
        }
        String scheme = named.toLowerCase(Locale.ROOT);
        List<String> known = new ArrayList<>();
        for (CheckpointObjectStoreFactory factory : ServiceLoader.load(CheckpointObjectStoreFactory.class,
                RemoteCheckpoints.class.getClassLoader())) {
            if (factory.schemes().contains(scheme)) {
                return new RemoteCheckpoints(factory.open(URI.create(location), settings));
            }
            known.addAll(factory.schemes());
        }
        throw new IllegalArgumentException("No checkpoint storage for '" + scheme + "://' locations (" + location
                + "): put weir-s3 on the class path for s3://, s3a:// and s3p://"
                + (known.isEmpty() ? "" : "; schemes available: " + known));
    }

    /** The user-facing location of {@code key}. */
    String uri(String key) {
        return store.uri(key);
    }

    /**
     * Uploads every file of the local checkpoint {@code folder} under {@code folderKey}, {@code _metadata} last;
     * returns the checkpoint's location. On failure the objects already uploaded are deleted (as far as the store
     * answers) and the exception names the location.
     */
    String publish(Path folder, String folderKey) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (Files.isRegularFile(child) && !name.equals(FileFormat.METADATA_FILE)
                        && !name.equals(FileFormat.METADATA_IN_PROGRESS)) {
                    files.add(child);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the staged checkpoint " + folder + ": " + e.getMessage(), e);
        }
        files.sort(null);
        files.add(folder.resolve(FileFormat.METADATA_FILE));
        try {
            for (Path file : files) {
                store.upload(file, folderKey + "/" + file.getFileName());
            }
        } catch (IOException e) {
            deleteQuietly(folderKey);
            throw new UncheckedIOException("cannot write checkpoint to " + store.uri(folderKey) + ": " + e.getMessage()
                    + " (check the endpoint, the credentials and the bucket; the store's retries with backoff gave up)", e);
        }
        return store.uri(folderKey);
    }

    /**
     * Uploads the shared state files {@code names} from {@code localShared} into the {@code shared/} prefix, except those
     * already uploaded, before the checkpoint that lists them is published: its {@code _metadata} never names a missing
     * object.
     */
    void uploadShared(Path localShared, Collection<String> names) {
        for (String name : names) {
            if (sharedUploaded.contains(name)) {
                continue;
            }
            try {
                store.upload(localShared.resolve(name), SHARED_PREFIX + name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write shared state file to " + store.uri(SHARED_PREFIX + name) + ": "
                        + e.getMessage() + " (check the endpoint, the credentials and the bucket; the store's retries with "
                        + "backoff gave up)", e);
            }
            sharedUploaded.add(name);
        }
    }

    /**
     * Deletes the {@code shared/} objects that {@code listed} does not name and whose staging copy in {@code localShared}
     * is gone (the local sweep deleted it, so no checkpoint can reference it again); returns how many. A failure is
     * logged: the objects are tried again at the next retention.
     */
    int sweepShared(Set<String> listed, Path localShared) {
        int deleted = 0;
        try {
            for (String key : store.list(SHARED_PREFIX)) {
                String name = key.substring(SHARED_PREFIX.length());
                if (!listed.contains(name) && !Files.exists(localShared.resolve(name))) {
                    store.delete(key);
                    sharedUploaded.remove(name);
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            System.getLogger(RemoteCheckpoints.class.getName()).log(System.Logger.Level.WARNING, "Could not delete unlisted "
                    + "shared state objects under " + store.uri(SHARED_PREFIX) + ": " + e.getMessage()
                    + "; retrying at the next completed checkpoint");
        }
        return deleted;
    }

    /** Downloads the shared state files {@code names} into {@code localShared}. */
    void fetchShared(Collection<String> names, Path localShared) throws IOException {
        Files.createDirectories(localShared);
        for (String name : names) {
            store.download(SHARED_PREFIX + name, localShared.resolve(name));
        }
    }

    /**
     * Deletes the {@code shared/} objects of this job folder that none of its completed checkpoints lists: the orphans a
     * run killed while checkpointing left. Reads each completed checkpoint's {@code _metadata} through {@code scratch}.
     * Only for the folder of a run that no longer writes it. Returns how many were deleted.
     */
    int sweepOrphans(Path scratch) throws IOException {
        List<String> keys = store.list("");
        Set<String> listed = new HashSet<>();
        Files.createDirectories(scratch);
        for (String key : keys) {
            if (MetadataKeys.CHECKPOINT_METADATA.matcher(key).matches()) {
                Path metadata = scratch.resolve(key.replace('/', '_'));
                store.download(key, metadata);
                SharedStateFiles.listedBy(MetadataFile.read(metadata), listed);
            }
        }
        int deleted = 0;
        for (String key : keys) {
            if (key.startsWith(SHARED_PREFIX) && !listed.contains(key.substring(SHARED_PREFIX.length()))) {
                store.delete(key);
                deleted++;
            }
        }
        return deleted;
    }

    /** Deletes the objects under {@code folderKey}, {@code _metadata} first, one by one. */
    void deleteFolder(String folderKey) throws IOException {
        List<String> keys = store.list(folderKey + "/");
        String metadata = folderKey + "/" + FileFormat.METADATA_FILE;
        if (keys.remove(metadata)) {
            store.delete(metadata);
        }
        for (String key : keys) {
            store.delete(key);
        }
    }

    private void deleteQuietly(String folderKey) {
        try {
            deleteFolder(folderKey);
        } catch (IOException | RuntimeException e) {
            System.getLogger(RemoteCheckpoints.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not delete the partly written checkpoint " + store.uri(folderKey) + ": " + e.getMessage()
                            + "; it has no " + FileFormat.METADATA_FILE + ", so it is never restored");
        }
    }

    /**
     * Downloads what the store's location points at into {@code localRoot} and returns the local folder to load:
     * a checkpoint or savepoint folder (it holds {@code _metadata}), or a job's checkpoint folder, of which the newest
     * completed {@code chk-<id>} is taken (folders without {@code _metadata} never completed and are skipped).
     */
    Optional<Path> fetch(Path localRoot) throws IOException {
        List<String> keys = store.list("");
        String folderKey;
        if (keys.contains(FileFormat.METADATA_FILE)) {
            folderKey = "";
        } else {
            long newest = -1;
            for (String key : keys) {
                Matcher m = MetadataKeys.CHECKPOINT_METADATA.matcher(key);
                if (m.matches()) {
                    newest = Math.max(newest, Long.parseLong(m.group(1)));
                }
            }
            if (newest < 0) {
                return Optional.empty();
            }
            folderKey = "chk-" + newest + "/";
        }
        Path local = Files.createDirectories(localRoot.resolve(folderKey.isEmpty() ? "checkpoint" : "chk-" + folderKey
                .substring(4, folderKey.length() - 1)));
        for (String key : keys) {
            if (key.startsWith(folderKey) && key.indexOf('/', folderKey.length()) < 0) {
                store.download(key, local.resolve(key.substring(folderKey.length())));
            }
        }
        return Optional.of(local);
    }

    /** Deletes every object under {@code prefix}, {@code _metadata} objects first. */
    void deleteAll(String prefix) throws IOException {
        List<String> keys = store.list(prefix);
        keys.sort((a, b) -> Boolean.compare(!a.endsWith("/" + FileFormat.METADATA_FILE), !b.endsWith("/" + FileFormat.METADATA_FILE)));
        for (String key : keys) {
            store.delete(key);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
