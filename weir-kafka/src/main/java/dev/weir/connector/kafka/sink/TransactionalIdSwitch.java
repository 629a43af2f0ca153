package dev.weir.connector.kafka.sink;

import java.lang.reflect.Field;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Gives a producer whose last transaction ended a new transactional id, so that the exactly-once writer reuses its
 * producers (their network thread, buffers and cluster metadata) instead of creating one per checkpoint, as Flink's
 * Kafka connector recycles its producers. kafka-clients fixes the id at construction; this sets the producer's
 * {@code TransactionManager} fields {@code transactionalId}, {@code currentState} (back to {@code UNINITIALIZED}, so
 * that {@code initTransactions()} may run again and fence the new id) and {@code transactionCoordinator} (forgotten,
 * because another id may have another coordinator). Not API: {@code TransactionalIdSwitchTest} checks them against the
 * kafka-clients version of the pom, and a mismatch fails when the class loads, naming the version.
 */
final class TransactionalIdSwitch {
    private static final Field TRANSACTION_MANAGER;
    private static final Field TRANSACTIONAL_ID;
    private static final Field CURRENT_STATE;
    private static final Field TRANSACTION_COORDINATOR;
    private static final Object UNINITIALIZED;
    private static final Object READY;

    static {
        try {
            TRANSACTION_MANAGER = accessible(KafkaProducer.class.getDeclaredField("transactionManager"));
            Class<?> manager = TRANSACTION_MANAGER.getType();
            TRANSACTIONAL_ID = accessible(manager.getDeclaredField("transactionalId"));
            CURRENT_STATE = accessible(manager.getDeclaredField("currentState"));
            TRANSACTION_COORDINATOR = accessible(manager.getDeclaredField("transactionCoordinator"));
            UNINITIALIZED = state(CURRENT_STATE.getType(), "UNINITIALIZED");
            READY = state(CURRENT_STATE.getType(), "READY");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError(new IllegalStateException("KafkaSink cannot reuse producers of kafka-clients "
                    + TransactionResumer.clientVersion() + " (" + e + "): it is built for kafka-clients 4.3; use that version,"
                    + " or DeliveryGuarantee.AT_LEAST_ONCE", e));
        }
    }

    private TransactionalIdSwitch() {
    }

    /**
     * Whether {@code producer} has no transaction open or ending, so that {@link #switchTo} may give it a new id: true
     * after {@code commitTransaction()} returned.
     */
    static boolean isReady(KafkaProducer<?, ?> producer) {
        try {
            Object manager = TRANSACTION_MANAGER.get(producer);
            return manager != null && CURRENT_STATE.get(manager) == READY;
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    /**
     * Gives {@code producer}, which {@link #isReady}, the id {@code transactionalId}; the caller then calls
     * {@code initTransactions()}, which fences the id and aborts what an earlier producer of it left open.
     */
    static void switchTo(KafkaProducer<?, ?> producer, String transactionalId) {
        try {
            Object manager = TRANSACTION_MANAGER.get(producer);
            synchronized (manager) {
                if (CURRENT_STATE.get(manager) != READY) {
                    throw new IllegalStateException("KafkaSink can give a new transactional id only to a producer whose"
                            + " transaction ended; this one is " + CURRENT_STATE.get(manager));
                }
                TRANSACTIONAL_ID.set(manager, transactionalId);
                TRANSACTION_COORDINATOR.set(manager, null);
                CURRENT_STATE.set(manager, UNINITIALIZED);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("KafkaSink cannot give its producer the transactional id " + transactionalId, e);
        }
    }

    /** The transactional id {@code producer} uses now. */
    static String transactionalIdOf(KafkaProducer<?, ?> producer) {
        try {
            return (String) TRANSACTIONAL_ID.get(TRANSACTION_MANAGER.get(producer));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("KafkaSink cannot read its producer's transactional id", e);
        }
    }

    private static Object state(Class<?> stateType, String name) {
        for (Object state : stateType.getEnumConstants()) {
            if (((Enum<?>) state).name().equals(name)) {
                return state;
            }
        }
        throw new IllegalStateException(stateType.getName() + " has no " + name);
    }

    private static Field accessible(Field field) {
        field.setAccessible(true);
        return field;
    }
}
