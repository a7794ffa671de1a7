package io.leadline.persistence.testdb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at the run's {@link TestDatabase}, so no test can forget to and none
 * reaches the developer's own database. Registered in META-INF/spring.factories.
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new TestDatabaseCustomizer();
    }

    private static final class TestDatabaseCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabase db = TestDatabase.get();
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", db.url());
            properties.put("spring.datasource.username", db.username());
            properties.put("spring.datasource.password", db.password() == null ? "" : db.password());
            // The database is dropped when the test run ends, before the JVM closes the cached contexts: a background
            // job asking for a connection then must give up quickly, or it holds the JVM's exit for Hikari's 30 s.
            properties.put("spring.datasource.hikari.connection-timeout", "2000");
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("leadlineTestDatabase", properties));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestDatabaseCustomizer;
        }

        @Override
        public int hashCode() {
            return TestDatabaseCustomizer.class.hashCode();
        }
    }
}
