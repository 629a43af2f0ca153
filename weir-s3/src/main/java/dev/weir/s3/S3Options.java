package dev.weir.s3;

import java.net.URI;
import java.util.Map;

/**
 * Flink's {@code s3.*} options for S3-compatible stores, read from the job's settings with system properties
 * ({@code -Ds3.endpoint=...}) as a fallback. Without them the AWS SDK's defaults apply: the default credentials chain
 * (environment, system properties, profile, container and instance roles) and the default region chain.
 *
 * @param endpoint {@code s3.endpoint}: an S3-compatible store such as MinIO, e.g. {@code http://localhost:9000}
 * @param pathStyleAccess {@code s3.path.style.access}: bucket in the path, not the host name (MinIO needs it)
 * @param accessKey {@code s3.access-key}, with {@code s3.secret-key}: static credentials instead of the default chain
 * @param secretKey {@code s3.secret-key}
 * @param region {@code s3.region}: overrides the default region chain ({@code us-east-1} when there is none and an
 *     endpoint is set)
 * @param maxAttempts {@code s3.max-attempts}: attempts per request, backing off exponentially between them
 */
record S3Options(URI endpoint, boolean pathStyleAccess, String accessKey, String secretKey, String region, int maxAttempts) {
    static final String ENDPOINT = "s3.endpoint";
    static final String PATH_STYLE_ACCESS = "s3.path.style.access";
    static final String ACCESS_KEY = "s3.access-key";
    static final String SECRET_KEY = "s3.secret-key";
    static final String REGION = "s3.region";
    static final String MAX_ATTEMPTS = "s3.max-attempts";
    static final int DEFAULT_MAX_ATTEMPTS = 10;

    static S3Options from(Map<String, String> settings) {
        String endpoint = get(settings, ENDPOINT);
        String accessKey = get(settings, ACCESS_KEY);
        String secretKey = get(settings, SECRET_KEY);
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("S3 checkpoint storage: set both " + ACCESS_KEY + " and " + SECRET_KEY
                    + ", or neither to use the AWS SDK's default credentials chain");
        }
        String attempts = get(settings, MAX_ATTEMPTS);
        int maxAttempts;
        try {
            maxAttempts = attempts == null ? DEFAULT_MAX_ATTEMPTS : Integer.parseInt(attempts.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("S3 checkpoint storage: " + MAX_ATTEMPTS + " must be a whole number, was '"
                    + attempts + "'");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("S3 checkpoint storage: " + MAX_ATTEMPTS + " must be at least 1, was " + maxAttempts);
        }
        return new S3Options(endpoint == null ? null : URI.create(endpoint.trim()),
                Boolean.parseBoolean(get(settings, PATH_STYLE_ACCESS)), accessKey, secretKey, get(settings, REGION), maxAttempts);
    }

    private static String get(Map<String, String> settings, String key) {
        String value = settings.get(key);
        return value != null ? value : System.getProperty(key);
    }
}
