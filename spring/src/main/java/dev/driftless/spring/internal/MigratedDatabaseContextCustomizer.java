package dev.driftless.spring.internal;

import dev.driftless.junit.Isolation;
import dev.driftless.junit.internal.SetupSpec;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.Map;
import java.util.Objects;

/**
 * {@code MigratedDatabaseContextCustomizer} registers, in the context being built, the post-processor that puts a
 * {@link SwitchingDataSource} in place of the application's {@code DataSource} bean. Equal for equal setups (the
 * annotated class's name is only for messages), so that Spring's context cache shares the context.
 */
final class MigratedDatabaseContextCustomizer implements ContextCustomizer {

    /**
     * The property source that stops Spring Boot from working against the copies: its test slices would put an
     * embedded database in their place, and its Flyway or Liquibase auto-configuration would migrate a database that
     * the template already migrated.
     */
    static final String PROPERTY_SOURCE = "driftless-migrated-database";

    private final SetupSpec spec;
    private final Isolation isolation;
    private final String owner;

    MigratedDatabaseContextCustomizer(SetupSpec spec, Isolation isolation, String owner) {
        this.spec = spec;
        this.isolation = isolation;
        this.owner = owner;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        // The template is the migrated database: Boot's own migration run is skipped here. Building the template with
        // the application's Flyway or Liquibase configuration instead is to plug in where PreparedSetup builds it.
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "spring.test.database.replace", "none",
                "spring.flyway.enabled", "false",
                "spring.liquibase.enabled", "false")));
        if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
            RootBeanDefinition replacer = new RootBeanDefinition(DataSourceReplacer.class,
                    () -> new DataSourceReplacer(new SwitchingDataSource(spec, isolation, owner)));
            replacer.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
            registry.registerBeanDefinition(DataSourceReplacer.BEAN_NAME, replacer);
        } else {
            throw new IllegalStateException("@MigratedDatabase on " + owner + " cannot replace the DataSource of a "
                    + context.getClass().getName() + ": its bean factory accepts no bean definitions.");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigratedDatabaseContextCustomizer other && spec.equals(other.spec)
                && isolation == other.isolation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, isolation);
    }

    @Override
    public String toString() {
        return "@MigratedDatabase(" + spec.describe() + ", isolation = " + isolation + ")";
    }
}
