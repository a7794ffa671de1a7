package io.leadline.web.api;

import io.leadline.core.user.Role;
import java.util.UUID;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Tokens for API tests: a new one per call, named after the test, acting with the role given. */
public final class ApiClients {

    private ApiClients() {}

    public static String token(ApiTokenRegistry registry, Role role) {
        return registry.issue("test " + role + " " + UUID.randomUUID(), role, "test-admin")
                .secret();
    }

    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }
}
