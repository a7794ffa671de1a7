package io.leadline.web.security;

import io.leadline.core.user.Role;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in: when no active admin exists, creates one named
 * {@code leadline.admin.username} with the password {@code leadline.admin.password}. Without a configured
 * password it generates one and prints it once in the log: there is no fixed default password.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserAccounts accounts;
    private final String username;
    private final String password;

    FirstAdmin(
            UserAccounts accounts,
            @Value("${leadline.admin.username:admin}") String username,
            @Value("${leadline.admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            createIfNoAdmin();
        } catch (DataIntegrityViolationException e) {
            // Several instances started on an empty database at once: another one created the admin first.
            log.info("Another instance created the first admin '{}'", username);
        }
    }

    private void createIfNoAdmin() {
        if (accounts.anyActiveAdmin()) {
            return;
        }
        if (!password.isBlank()) {
            accounts.createIfAbsent(username, password, Role.ADMIN);
            log.info("Created the first admin '{}' with the password from leadline.admin.password", username);
            return;
        }
        String generated = generatePassword();
        accounts.createIfAbsent(username, generated, Role.ADMIN);
        log.warn("""

                Created the first admin '{}' with the generated password: {}
                It is shown only now. Set LEADLINE_ADMIN_PASSWORD before the first start to choose it yourself.
                """, username, generated);
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
