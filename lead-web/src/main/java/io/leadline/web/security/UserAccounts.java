package io.leadline.web.security;

import io.leadline.core.user.Role;
import io.leadline.persistence.user.AppUser;
import io.leadline.persistence.user.AppUsers;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates user accounts with a hashed password that meets the password policy. */
@Service
public class UserAccounts {

    /** NIST SP 800-63B / ASVS: length, not composition rules. */
    public static final int MINIMUM_PASSWORD_LENGTH = 12;

    private final AppUsers users;
    private final PasswordEncoder encoder;
    private final Clock clock;

    UserAccounts(AppUsers users, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Creates the account unless the username is taken; answers whether it created one. */
    @Transactional
    public boolean createIfAbsent(String username, String rawPassword, Role role) {
        if (rawPassword == null || rawPassword.length() < MINIMUM_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password of '" + username + "' must have at least "
                    + MINIMUM_PASSWORD_LENGTH + " characters.");
        }
        if (users.existsByUsername(username)) {
            return false;
        }
        users.save(new AppUser(username, encoder.encode(rawPassword), role, Instant.now(clock)));
        return true;
    }

    @Transactional(readOnly = true)
    public boolean anyActiveAdmin() {
        return users.existsByRoleAndEnabledTrue(Role.ADMIN);
    }
}
