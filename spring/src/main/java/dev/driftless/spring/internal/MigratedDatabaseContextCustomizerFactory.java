package dev.driftless.spring.internal;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.internal.SetupSpec;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import java.util.List;
import java.util.Optional;

/**
 * {@code MigratedDatabaseContextCustomizerFactory} makes the application context of a {@code @MigratedDatabase} test
 * class use a {@link SwitchingDataSource}. Registered in {@code META-INF/spring.factories}, so Spring's test framework
 * finds it with no configuration.
 *
 * <p>The customizer is part of Spring's context cache key and equals another when the setup and isolation are equal:
 * classes with the same {@code @MigratedDatabase} (and otherwise the same configuration) share one context.
 */
public final class MigratedDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    /** Creates the factory; Spring calls this. */
    public MigratedDatabaseContextCustomizerFactory() {
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        Optional<MigratedDatabase> annotation = SetupSpec.findAnnotation(testClass);
        if (annotation.isEmpty()) {
            return null;
        }
        SetupSpec spec = SetupSpec.of(annotation.get());
        spec.validate(testClass.getName());
        return new MigratedDatabaseContextCustomizer(spec, annotation.get().isolation(), testClass.getName());
    }
}
