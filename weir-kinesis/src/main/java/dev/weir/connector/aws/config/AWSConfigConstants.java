package dev.weir.connector.aws.config;

/**
 * Flink's keys for the AWS client of the Kinesis source and sink: region, endpoint (for a local or compatible Kinesis
 * API) and credentials. Without credentials keys, the AWS SDK's default chain applies (environment, system properties,
 * profile, container and instance roles).
 */
public final class AWSConfigConstants {
    /** The AWS region, e.g. {@code us-east-1}; default: the SDK's region chain ({@code AWS_REGION}, profile, instance). */
    public static final String AWS_REGION = "aws.region";
    /** An endpoint instead of AWS's, e.g. {@code http://localhost:4567} for kinesalite. */
    public static final String AWS_ENDPOINT = "aws.endpoint";
    /** Which credentials: {@code AUTO} (the SDK's default chain) or {@code BASIC} (the two keys below). */
    public static final String AWS_CREDENTIALS_PROVIDER = "aws.credentials.provider";

    private AWSConfigConstants() {
    }

    /** The kinds of {@link #AWS_CREDENTIALS_PROVIDER} Weir supports (Flink's names). */
    public enum CredentialProvider {
        /** The access key and secret key given with {@link #accessKeyId()} and {@link #secretKey()}. */
        BASIC,
        /** The AWS SDK's default credentials chain. */
        AUTO
    }

    /** The key of the access key id for {@code BASIC} credentials. */
    public static String accessKeyId() {
        return "aws.credentials.provider.basic.accesskeyid";
    }

    /** The key of the secret key for {@code BASIC} credentials. */
    public static String secretKey() {
        return "aws.credentials.provider.basic.secretkey";
    }
}
