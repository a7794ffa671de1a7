package io.leadline.web.tracking;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the snippet's script, {@code /t/leadline.js}, cacheable for an hour by browsers and CDNs: every page of a
 * tracked site loads it, and a changed script reaches visitors within the hour.
 */
@Configuration
class TrackingScriptResource implements WebMvcConfigurer {

    static final Duration CACHE = Duration.ofHours(1);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/t/*.js")
                .addResourceLocations("classpath:/static/t/")
                .setCacheControl(CacheControl.maxAge(CACHE).cachePublic());
    }
}
