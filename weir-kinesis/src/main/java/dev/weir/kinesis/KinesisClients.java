package dev.weir.kinesis;

import dev.weir.connector.aws.config.AWSConfigConstants;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/** Builds the SDK's Kinesis client from Flink's {@code aws.*} keys ({@link AWSConfigConstants}). */
public final class KinesisClients {
    private static final String CBOR_ENABLED = "aws.cborEnabled";

    private KinesisClients() {
    }

    /** A client for {@code properties}; throws naming the key when one is missing or wrong. */
    public static KinesisClient create(Map<String, String> properties) {
        KinesisClientBuilder builder = KinesisClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(30)).build());
        String endpoint = properties.get(AWSConfigConstants.AWS_ENDPOINT);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
            if (System.getProperty(CBOR_ENABLED) == null) {
                // Local Kinesis APIs (kinesalite) encode record data in CBOR in a way the SDK cannot read; JSON, which AWS
                // serves as well, works with both. The SDK reads this switch only as a JVM-wide system property.
                System.setProperty(CBOR_ENABLED, "false");
            }
        }
        String region = properties.get(AWSConfigConstants.AWS_REGION);
        if (region != null) {
            builder.region(Region.of(region));
        } else if (endpoint != null) {
            builder.region(Region.US_EAST_1);
        }
        String provider = properties.getOrDefault(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER,
                properties.containsKey(AWSConfigConstants.accessKeyId()) ? "BASIC" : "AUTO").toUpperCase(Locale.ROOT);
        switch (provider) {
            case "BASIC" -> {
                String accessKey = properties.get(AWSConfigConstants.accessKeyId());
                String secretKey = properties.get(AWSConfigConstants.secretKey());
                if (accessKey == null || secretKey == null) {
                    throw new IllegalArgumentException("Kinesis: aws.credentials.provider BASIC needs "
                            + AWSConfigConstants.accessKeyId() + " and " + AWSConfigConstants.secretKey());
                }
                builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
            }
            case "AUTO" -> builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
            default -> throw new IllegalArgumentException("Kinesis: aws.credentials.provider '" + provider
                    + "' is not supported by Weir; use BASIC (with the access and secret keys) or AUTO (the SDK's default chain)");
        }
        return builder.build();
    }

    /** The stream name of a Kinesis stream ARN ({@code arn:aws:kinesis:<region>:<account>:stream/<name>}). */
    public static String streamName(String streamArn) {
        int slash = streamArn.lastIndexOf(":stream/");
        if (!streamArn.startsWith("arn:") || slash < 0 || slash + 8 >= streamArn.length()) {
            throw new IllegalArgumentException("'" + streamArn + "' is not a Kinesis stream ARN "
                    + "(arn:aws:kinesis:<region>:<account>:stream/<name>)");
        }
        return streamArn.substring(slash + 8);
    }
}
