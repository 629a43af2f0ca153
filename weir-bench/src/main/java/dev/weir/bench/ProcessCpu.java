package dev.weir.bench;

/** This JVM's CPU time so far, all its threads (the engine's, the JIT's and the collector's). */
final class ProcessCpu {
    private ProcessCpu() {
    }

    static long nanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime();
        }
        throw new UnsupportedOperationException("this JVM does not report its process CPU time");
    }
}
