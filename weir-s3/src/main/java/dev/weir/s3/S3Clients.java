package dev.weir.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the SDK's S3 client from {@link S3Options}. */
final class S3Clients {
    private S3Clients() {
    }

    static S3Client create(S3Options options) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .overrideConfiguration(c -> c
                        // Throttling, 5xx and dropped connections: retried with exponential backoff and jitter, so a
                        // store that is away for seconds delays a checkpoint rather than failing it.
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(options.maxAttempts())
                                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(5)))
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(10)))
                                .circuitBreakerEnabled(false)
                                .build())
                        .apiCallAttemptTimeout(Duration.ofSeconds(120)))
                .forcePathStyle(options.pathStyleAccess());
        if (options.endpoint() != null) {
            builder.endpointOverride(options.endpoint())
                    // S3-compatible stores (MinIO, s3proxy) do not all take the SDK's newer trailing checksums.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        builder.region(region(options));
        if (options.accessKey() != null) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(options.accessKey(), options.secretKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    private static Region region(S3Options options) {
        if (options.region() != null) {
            return Region.of(options.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException e) {
            if (options.endpoint() != null) {
                return Region.US_EAST_1;
            }
            throw new IllegalArgumentException("S3 checkpoint storage: no AWS region found; set " + S3Options.REGION
                    + " or AWS_REGION (" + e.getMessage() + ")", e);
        }
    }
}
