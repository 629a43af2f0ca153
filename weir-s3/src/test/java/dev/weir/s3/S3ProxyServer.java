package dev.weir.s3;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 API server in the test JVM: s3proxy over jclouds' in-memory ("transient") blob store, with AWS v4
 * signatures checked. {@link #stop()} and {@link #start()} take the server away and bring it back on the same port with
 * the same objects, as an outage of the store would.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "weir-access";
    public static final String SECRET_KEY = "weir-secret";

    private final BlobStoreContext context;
    private final BlobStore blobStore;
    private S3Proxy proxy;
    private int port;

    private S3ProxyServer() {
        context = ContextBuilder.newBuilder("transient").credentials(ACCESS_KEY, SECRET_KEY).build(BlobStoreContext.class);
        blobStore = context.getBlobStore();
    }

    /** Starts a server on a free port. */
    public static S3ProxyServer startOnFreePort() throws Exception {
        S3ProxyServer server = new S3ProxyServer();
        server.start();
        return server;
    }

    /** Starts (again) on this server's port, or a free one the first time. */
    public void start() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(5);
        }
        port = proxy.getPort();
    }

    /** Stops the server; connections are refused until {@link #start()}. */
    public void stop() throws Exception {
        proxy.stop();
    }

    public void createBucket(String bucket) {
        blobStore.createContainerInLocation(null, bucket);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The job's settings that point the S3 checkpoint storage here. */
    public Map<String, String> settings() {
        return Map.of(S3Options.ENDPOINT, endpoint(), S3Options.PATH_STYLE_ACCESS, "true",
                S3Options.ACCESS_KEY, ACCESS_KEY, S3Options.SECRET_KEY, SECRET_KEY);
    }

    /** A client of this server, for the tests to look at the objects. */
    S3Client client() {
        return S3Clients.create(S3Options.from(settings()));
    }

    /** The keys under {@code prefix} in {@code bucket}, sorted. */
    public List<String> keys(String bucket, String prefix) {
        try (S3Client client = client()) {
            return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).sorted().toList();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }
}
