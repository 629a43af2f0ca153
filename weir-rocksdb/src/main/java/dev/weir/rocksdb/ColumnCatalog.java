package dev.weir.rocksdb;

import dev.weir.api.common.state.StateDescriptor;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file a RocksDB checkpoint carries beside the database's own: which state each column family holds and of
 * which kind (a list, a map...), since the restored database knows only column family names and the kind decides how
 * a state's entries are laid out. A state restored from a savepoint and not created yet has no kind (null).
 */
final class ColumnCatalog {
    static final String FILE_NAME = "WEIR-COLUMNS";
    private static final int MAGIC = 0x57455243;
    private static final String STAGED = "";

    private ColumnCatalog() {
    }

    /** Writes {@code kinds} (state name to kind, null when staged) into {@code dir}. */
    static void write(Path dir, Map<String, StateDescriptor.Type> kinds) {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve(FILE_NAME)))) {
            out.writeInt(MAGIC);
            out.writeInt(kinds.size());
            for (Map.Entry<String, StateDescriptor.Type> e : kinds.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue() == null ? STAGED : e.getValue().name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    /** Reads what {@link #write} wrote into {@code dir}, in the same order. */
    static Map<String, StateDescriptor.Type> read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalStateException(file + " is not a Weir RocksDB column catalog (bad magic number)");
            }
            int count = in.readInt();
            Map<String, StateDescriptor.Type> kinds = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                String kind = in.readUTF();
                kinds.put(name, kind.equals(STAGED) ? null : StateDescriptor.Type.valueOf(kind));
            }
            return kinds;
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("the RocksDB checkpoint in " + dir + " has no " + FILE_NAME + " file: it was not "
                    + "written by Weir's RocksDB backend", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
