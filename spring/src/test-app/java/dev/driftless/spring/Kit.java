package dev.driftless.spring;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventType;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Runs fixture test classes through the Jupiter engine, as a user's build would, and reads what they reported. */
public final class Kit {

    static final String FIXTURES_PARAMETER = "dev.driftless.spring.fixtures";

    private Kit() {
    }

    /** Marks a fixture class: it runs only through {@link Kit}, never in normal discovery. */
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ExtendWith(OnlyInTestKit.class)
    public @interface Fixture {
    }

    /** Disables a fixture class unless the kit runs it. */
    static final class OnlyInTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(FIXTURES_PARAMETER).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("run by the test kit")
                    : ConditionEvaluationResult.disabled("a fixture class, run only through EngineTestKit");
        }
    }

    public static EngineExecutionResults run(Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(FIXTURES_PARAMETER, "true")
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
                .execute();
    }

    /** @return every failure, tests and containers: the failing element's display name and the message */
    public static List<String> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getTestDescriptor().getDisplayName() + ": " + event.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("?"))
                .toList();
    }

    /** @return the values the tests published under a key, in the order they ran */
    public static List<String> entries(EngineExecutionResults results, String key) {
        return results.allEvents().stream().filter(event -> event.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(event -> event.getPayload(ReportEntry.class))
                .flatMap(Optional::stream)
                .map(entry -> entry.getKeyValuePairs().get(key))
                .filter(value -> value != null)
                .toList();
    }
}
