package dev.weir.engine.time;

/** The timer contract on the heap. */
class HeapTimerServicesTest extends TimerServicesContractTest {
    @Override
    protected Fixture create(ProcessingTimeService clock) {
        RecordingKeyContext keys = new RecordingKeyContext();
        return new Fixture(new HeapTimerServices(keys, clock), keys, null);
    }
}
