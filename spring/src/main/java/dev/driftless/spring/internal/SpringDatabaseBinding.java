package dev.driftless.spring.internal;

import dev.driftless.junit.internal.DatabaseBinding;
import dev.driftless.junit.internal.SetupSpec;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.beans.factory.annotation.ParameterResolutionDelegate;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code SpringDatabaseBinding} tells the {@code @MigratedDatabase} extension, in a Spring test class, which database
 * the running test has: the one the context's {@link SwitchingDataSource} points at. So a {@code TestDatabase},
 * {@code Seeder} or {@code DataSource} parameter is the very database the application's beans use. Found through
 * {@link java.util.ServiceLoader}.
 */
public final class SpringDatabaseBinding implements DatabaseBinding {

    /** Creates the binding; the service loader calls this. */
    public SpringDatabaseBinding() {
    }

    @Override
    public Optional<Bound> bound(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        if (!isSpringTest(testClass) || SetupSpec.findAnnotation(testClass).isEmpty()) {
            return Optional.empty();
        }
        ApplicationContext applicationContext = SpringExtension.getApplicationContext(context);
        SwitchingDataSource dataSource = applicationContext.getBean(SwitchingDataSource.class);
        return Optional.of(dataSource.bound().orElseThrow(() -> new IllegalStateException("in a Spring test, the"
                + " database of @MigratedDatabase is made for each test method once Spring prepares the method, so there"
                + " is none yet for a constructor or a @BeforeAll method. Take the parameter in a @BeforeEach or @Test"
                + " method, or inject the application's DataSource with @Autowired.")));
    }

    @Override
    public boolean resolves(ParameterContext parameter, ExtensionContext context) {
        return isSpringTest(context.getRequiredTestClass())
                && ParameterResolutionDelegate.isAutowirable(parameter.getParameter(), parameter.getIndex());
    }

    /** Whether the Spring extension runs the class (registered on it, or on a class that encloses it). */
    private static boolean isSpringTest(Class<?> testClass) {
        for (Class<?> c = testClass; c != null;
             c = c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers()) ? c.getEnclosingClass() : null) {
            boolean registered = AnnotationSupport.findRepeatableAnnotations(c, ExtendWith.class).stream()
                    .flatMap(extendWith -> Arrays.stream(extendWith.value()))
                    .anyMatch(SpringExtension.class::equals);
            if (registered) {
                return true;
            }
        }
        return false;
    }
}
