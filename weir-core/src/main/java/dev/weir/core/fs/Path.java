package dev.weir.core.fs;

import java.io.File;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The name of a file or directory, as Flink's {@code org.apache.flink.core.fs.Path}: a normalized URI with an optional
 * scheme and authority ({@code /data/in}, {@code file:///data/in}, {@code hdfs://nn:8020/data}). Slashes are
 * collapsed, a trailing slash is dropped, {@code .} and {@code ..} segments are resolved, and {@link #toString()}
 * writes {@code file:///x} as {@code file:/x}, all as Flink does. Weir's file connectors accept paths without a
 * scheme or with {@code file:} and refuse other schemes when the job is built. Unlike Flink's, Weir's Path treats
 * a backslash as an ordinary character (no Windows drive letters).
 */
public class Path implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The separator of path segments. */
    public static final String SEPARATOR = "/";

    /** The separator of path segments, as a char. */
    public static final char SEPARATOR_CHAR = '/';

    /** The name of the current directory. */
    public static final String CUR_DIR = ".";

    private final URI uri;

    /** The path a URI names; the URI is normalized. */
    public Path(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("Can not create a Path from a null URI");
        }
        this.uri = uri.normalize();
    }

    /** The path {@code child} names relative to {@code parent}. */
    public Path(String parent, String child) {
        this(new Path(parent), new Path(child));
    }

    /** The path {@code child} names relative to {@code parent}. */
    public Path(Path parent, String child) {
        this(parent, new Path(child));
    }

    /** The path {@code child} names relative to {@code parent}. */
    public Path(String parent, Path child) {
        this(new Path(parent), child);
    }

    /**
     * The path {@code child} names relative to {@code parent}; as in Flink, a child that starts with a slash is still
     * taken relative to the parent ({@code new Path(new Path("/a"), new Path("/c"))} is {@code /a/c}).
     */
    public Path(Path parent, Path child) {
        URI parentUri = parent.uri;
        String parentPath = parentUri.getPath();
        String childPath = child.uri.getPath();
        if (child.uri.getScheme() == null && childPath.startsWith(SEPARATOR)) {
            childPath = childPath.substring(1);
        }
        String joined = parentPath.isEmpty() || parentPath.endsWith(SEPARATOR) ? parentPath + childPath : parentPath + SEPARATOR + childPath;
        this.uri = uri(parentUri.getScheme(), parentUri.getAuthority(), normalizePath(joined));
    }

    /**
     * Parses a path such as {@code /data/in}, {@code in/today} or {@code file:///data/in}: the text before the first
     * colon that comes before any slash is the scheme, {@code //host:port} after it the authority.
     */
    public Path(String pathString) {
        String text = checkPathArgument(pathString);
        String scheme = null;
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        int start = 0;
        if (colon != -1 && (slash == -1 || colon < slash)) {
            scheme = text.substring(0, colon);
            start = colon + 1;
        }
        String authority = null;
        if (text.startsWith("//", start) && text.length() - start > 2) {
            int next = text.indexOf('/', start + 2);
            int end = next > 0 ? next : text.length();
            authority = text.substring(start + 2, end);
            start = end;
        }
        this.uri = uri(scheme, authority, normalizePath(text.substring(start)));
    }

    /** The path with the given scheme, authority and path, each as in a URI; scheme and authority may be null. */
    public Path(String scheme, String authority, String path) {
        this.uri = uri(scheme, authority, normalizePath(checkPathArgument(path)));
    }

    private static String checkPathArgument(String path) {
        if (path == null) {
            throw new IllegalArgumentException("Can not create a Path from a null string");
        }
        String trimmed = path.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Can not create a Path from an empty string");
        }
        return trimmed;
    }

    /** Collapses runs of slashes and drops a trailing slash (but keeps a lone root slash). */
    private static String normalizePath(String path) {
        String result = path;
        while (result.contains("//")) {
            result = result.replace("//", "/");
        }
        if (result.length() > 1 && result.endsWith(SEPARATOR)) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static URI uri(String scheme, String authority, String path) {
        try {
            return new URI(scheme, authority, path, null, null).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Can not create a Path from '" + path + "': " + e.getMessage(), e);
        }
    }

    /** The path of a local file, with the {@code file} scheme, made absolute. */
    public static Path fromLocalFile(File file) {
        return new Path(file.toURI());
    }

    /** This path as a URI. */
    public URI toUri() {
        return uri;
    }

    /** Whether the path starts at the root. */
    public boolean isAbsolute() {
        return uri.getPath().startsWith(SEPARATOR);
    }

    /** The last segment: {@code c} for {@code /a/b/c}; empty for the root. */
    public String getName() {
        String path = uri.getPath();
        return path.substring(path.lastIndexOf(SEPARATOR_CHAR) + 1);
    }

    /** The path without scheme and authority: {@code /x/y} for {@code hdfs://nn:8020/x/y}. */
    public String getPath() {
        return uri.getPath();
    }

    /** The path without its last segment, keeping scheme and authority; null for the root. */
    public Path getParent() {
        String path = uri.getPath();
        int lastSlash = path.lastIndexOf(SEPARATOR_CHAR);
        if (path.isEmpty() || (lastSlash == 0 && path.length() == 1)) {
            return null;
        }
        String parent = lastSlash == -1 ? "" : path.substring(0, lastSlash == 0 ? 1 : lastSlash);
        return new Path(uri(uri.getScheme(), uri.getAuthority(), parent));
    }

    /** This path with {@code suffix} appended to its last segment: {@code /a/b.txt} for {@code /a/b} and ".txt". */
    public Path suffix(String suffix) {
        return new Path(uri.getScheme(), uri.getAuthority(), uri.getPath() + suffix);
    }

    /** The number of segments: 0 for the root, 2 for {@code /a/b} and for {@code a/b}. */
    public int depth() {
        String path = uri.getPath();
        if (path.equals(SEPARATOR)) {
            return 0;
        }
        int depth = isAbsolute() ? 0 : 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == SEPARATOR_CHAR) {
                depth++;
            }
        }
        return depth;
    }

    /** The path as Flink writes it: {@code scheme:} and {@code //authority} when present, then the path. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (uri.getScheme() != null) {
            text.append(uri.getScheme()).append(':');
        }
        if (uri.getAuthority() != null) {
            text.append("//").append(uri.getAuthority());
        }
        return text.append(uri.getPath()).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path other && uri.equals(other.uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    /** Orders paths by their URIs. */
    public int compareTo(Object o) {
        return uri.compareTo(((Path) o).uri);
    }
}
