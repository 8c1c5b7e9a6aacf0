package dev.driftless.junit;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Runs fixture classes through the Jupiter engine, as a user's build would, and reads what it reported. */
final class Kit {

    static final String FIXTURES_PARAMETER = "dev.driftless.junit.fixtures";

    private Kit() {
    }

    static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(FIXTURES_PARAMETER, "true")
                .configurationParameters(parameters)
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass)
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    /** @return the messages of every failure, tests and containers, with the failing element's display name */
    static List<String> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getTestDescriptor().getDisplayName() + ": " + failure(event).map(Throwable::getMessage).orElse("?"))
                .collect(Collectors.toList());
    }

    static Optional<Throwable> failure(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable);
    }

    /** @return every value published under a key, in order */
    static List<String> entries(EngineExecutionResults results, String key) {
        return results.allEvents().stream().filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(key))
                .filter(v -> v != null).collect(Collectors.toList());
    }
}
