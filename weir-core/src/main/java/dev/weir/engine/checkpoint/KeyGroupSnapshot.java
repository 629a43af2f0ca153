package dev.weir.engine.checkpoint;

import java.util.ArrayList;

/**
 * The keyed state and timers of one key group of one operator, as stored in a checkpoint. Plain fields so the state
 * serializer writes it without configuration.
 */
public final class KeyGroupSnapshot {
    /** One value of keyed state. */
    public static final class StateEntry {
        public String state;
        public Object key;
        public Object namespace;
        public Object value;

        public StateEntry() {
        }

        public StateEntry(String state, Object key, Object namespace, Object value) {
            this.state = state;
            this.key = key;
            this.namespace = namespace;
            this.value = value;
        }
    }

    /** One timer. */
    public static final class TimerEntry {
        public String service;
        public boolean eventTime;
        public Object key;
        public Object namespace;
        public long timestamp;

        public TimerEntry() {
        }

        public TimerEntry(String service, boolean eventTime, Object key, Object namespace, long timestamp) {
            this.service = service;
            this.eventTime = eventTime;
            this.key = key;
            this.namespace = namespace;
            this.timestamp = timestamp;
        }
    }

    public int keyGroup;
    public ArrayList<StateEntry> states = new ArrayList<>();
    public ArrayList<TimerEntry> timers = new ArrayList<>();

    public KeyGroupSnapshot() {
    }

    public KeyGroupSnapshot(int keyGroup) {
        this.keyGroup = keyGroup;
    }

    public boolean isEmpty() {
        return states.isEmpty() && timers.isEmpty();
    }
}
