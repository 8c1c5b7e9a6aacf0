package dev.driftless.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the harnesses report about the machine they ran on.
 */
final class Machine {

    private Machine() {
    }

    /** @return the load averages and the number of cores, e.g. {@code 1.10 1.21 1.30 ... (1, 5, 15 min; 2 cores)} */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " (1, 5, 15 min; "
                    + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
