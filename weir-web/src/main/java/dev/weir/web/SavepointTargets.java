package dev.weir.web;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a savepoint requested over REST may be written: under the savepoint root ({@code state.savepoints.dir})
 * only. A request names a folder relative to it, or an absolute path inside it; {@code ..} and anything outside are
 * refused, so that a REST call cannot create folders or write files wherever the process may write.
 */
final class SavepointTargets {
    private final Path root;

    SavepointTargets(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The folder for {@code requested} (the root when null or blank), or a 400 naming what was wrong. */
    Path resolve(String requested, String field) {
        if (requested == null || requested.isBlank()) {
            return root;
        }
        Path given;
        try {
            given = Path.of(requested);
        } catch (InvalidPathException e) {
            throw new RestApi.Refused(400, "'" + field + "' is not a path: " + e.getMessage());
        }
        for (Path part : given) {
            if (part.toString().equals("..")) {
                throw new RestApi.Refused(400, "'" + field + "' must not contain '..' (was '" + requested + "'): savepoints requested "
                        + "over REST go under the savepoint root " + root + " (" + RestSettings.SAVEPOINT_DIRECTORY + ")");
            }
        }
        Path target = root.resolve(given).normalize();
        if (!target.startsWith(root)) {
            throw new RestApi.Refused(400, "'" + field + "' " + requested + " is outside the savepoint root " + root + ": savepoints "
                    + "requested over REST go under it (" + RestSettings.SAVEPOINT_DIRECTORY + "); pass a folder relative to it");
        }
        return target;
    }
}
