package dev.driftless.spring.internal;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code DataSourceReplacer} puts the {@link SwitchingDataSource} in place of the application's {@code DataSource}
 * beans, whatever defines them (Spring Boot's auto-configuration, the application's own {@code @Bean}): the first
 * (primary) one's name becomes the switching data source's, the others become aliases of it, so every injection point
 * gets the test's database and no connection pool of the application is ever created. Without any, it registers one
 * named {@code dataSource}. It runs as a registered bean post-processor, after the configuration classes (and so the
 * auto-configuration) have defined their beans.
 */
final class DataSourceReplacer implements BeanDefinitionRegistryPostProcessor, Ordered {

    /** The replacer's own bean name. */
    static final String BEAN_NAME = "dev.driftless.spring.dataSourceReplacer";

    private final SwitchingDataSource dataSource;

    DataSourceReplacer(SwitchingDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        List<String> names = new ArrayList<>();
        if (registry instanceof ConfigurableListableBeanFactory factory) {
            names.addAll(Arrays.asList(factory.getBeanNamesForType(DataSource.class, true, false)));
        }
        String name = names.stream().filter(n -> registry.getBeanDefinition(n).isPrimary()).findFirst()
                .orElse(names.isEmpty() ? "dataSource" : names.get(0));
        for (String other : names) {
            registry.removeBeanDefinition(other);
        }
        RootBeanDefinition definition = new RootBeanDefinition(SwitchingDataSource.class, () -> dataSource);
        definition.setPrimary(true);
        definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        // The context's close drops the copies; a cached context closes when the cache evicts it or the JVM exits.
        definition.setDestroyMethodName("destroy");
        registry.registerBeanDefinition(name, definition);
        for (String other : names) {
            if (!other.equals(name)) {
                registry.registerAlias(name, other);
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
