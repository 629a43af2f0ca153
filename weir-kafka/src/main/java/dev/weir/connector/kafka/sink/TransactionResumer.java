package dev.weir.connector.kafka.sink;

import java.lang.reflect.Field;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.ProducerIdAndEpoch;

/**
 * What kafka-clients' public API lacks for a two-phase-commit sink before KIP-939 (whose broker side is not
 * released): the producer id and epoch of the transaction a producer has open, and resuming that transaction in
 * another producer of the same transactional id (after a restore, in another process) so that it can commit it.
 *
 * <p>Both reach into the producer's {@code TransactionManager} by reflection, as Flink's Kafka connector does: the
 * fields {@code KafkaProducer.transactionManager}, {@code TransactionManager.producerIdAndEpoch}, {@code currentState},
 * {@code transactionStarted}, {@code isTransactionV2Enabled} and {@code latestFinalizedFeaturesEpoch}. They are not API, so {@code TransactionResumerTest} checks them against the
 * kafka-clients version of the pom, and a mismatch fails here with a message that names the version, never later
 * with a half-resumed producer.
 */
final class TransactionResumer {
    private static final Field TRANSACTION_MANAGER;
    private static final Field PRODUCER_ID_AND_EPOCH;
    private static final Field CURRENT_STATE;
    private static final Field TRANSACTION_STARTED;
    private static final Field TRANSACTION_V2_ENABLED;
    private static final Field LATEST_FINALIZED_FEATURES_EPOCH;
    private static final Object IN_TRANSACTION;

    static {
        try {
            TRANSACTION_MANAGER = accessible(KafkaProducer.class.getDeclaredField("transactionManager"));
            Class<?> manager = TRANSACTION_MANAGER.getType();
            PRODUCER_ID_AND_EPOCH = accessible(manager.getDeclaredField("producerIdAndEpoch"));
            CURRENT_STATE = accessible(manager.getDeclaredField("currentState"));
            TRANSACTION_STARTED = accessible(manager.getDeclaredField("transactionStarted"));
            TRANSACTION_V2_ENABLED = accessible(manager.getDeclaredField("isTransactionV2Enabled"));
            LATEST_FINALIZED_FEATURES_EPOCH = accessible(manager.getDeclaredField("latestFinalizedFeaturesEpoch"));
            IN_TRANSACTION = inTransactionState(CURRENT_STATE.getType());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError(new IllegalStateException("KafkaSink's exactly-once mode cannot reach the"
                    + " transaction state of kafka-clients " + clientVersion() + " (" + e + "): it is built for kafka-clients 4.3;"
                    + " use that version, or DeliveryGuarantee.AT_LEAST_ONCE", e));
        }
    }

    private TransactionResumer() {
    }

    /** The producer id and epoch of the transaction {@code producer} has open; the producer must have sent into it. */
    static ProducerIdAndEpoch openTransaction(KafkaProducer<?, ?> producer) {
        try {
            ProducerIdAndEpoch id = (ProducerIdAndEpoch) PRODUCER_ID_AND_EPOCH.get(TRANSACTION_MANAGER.get(producer));
            if (id == null || !id.isValid()) {
                throw new IllegalStateException("KafkaSink's producer has no producer id: initTransactions() did not complete");
            }
            return id;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("KafkaSink cannot read the producer id of its transaction", e);
        }
    }

    /**
     * Makes {@code producer}, created for the transactional id of an open transaction and never initialized (an
     * initialization would abort that transaction), act as the producer that opened it: afterwards
     * {@code commitTransaction()} ends that transaction on the broker.
     *
     * <p>The commit is pinned to the first version of the transaction protocol, which every broker of Kafka 4 takes
     * for any open transaction. Left alone, a producer that learns the brokers' features (transaction.version 2)
     * between the resume and the commit re-initializes the id as it commits, which bumps the epoch and may abort the
     * very transaction it was to commit; whether it has learned them depends on a race with its network thread.
     */
    static void resume(KafkaProducer<?, ?> producer, long producerId, short epoch) {
        try {
            Object manager = TRANSACTION_MANAGER.get(producer);
            if (manager == null) {
                throw new IllegalArgumentException("KafkaSink can resume a transaction only in a producer with a transactional.id");
            }
            synchronized (manager) {
                PRODUCER_ID_AND_EPOCH.set(manager, new ProducerIdAndEpoch(producerId, epoch));
                CURRENT_STATE.set(manager, IN_TRANSACTION);
                TRANSACTION_STARTED.set(manager, true);
                TRANSACTION_V2_ENABLED.set(manager, false);
                // As if the newest features were known already: nothing the producer learns later switches the version.
                LATEST_FINALIZED_FEATURES_EPOCH.set(manager, Long.MAX_VALUE);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("KafkaSink cannot resume the transaction of producer id " + producerId, e);
        }
    }

    private static Object inTransactionState(Class<?> stateType) {
        for (Object state : stateType.getEnumConstants()) {
            if (((Enum<?>) state).name().equals("IN_TRANSACTION")) {
                return state;
            }
        }
        throw new IllegalStateException(stateType.getName() + " has no IN_TRANSACTION");
    }

    private static Field accessible(Field field) {
        field.setAccessible(true);
        return field;
    }

    static String clientVersion() {
        String version = KafkaProducer.class.getPackage().getImplementationVersion();
        return version == null ? "(unknown version)" : version;
    }
}
