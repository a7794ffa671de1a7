package io.leadline.web.security;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.user.Role;
import io.leadline.web.audit.Audit;
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
    private final Audit audit;
    private final Clock clock;

    UserAccounts(AppUsers users, PasswordEncoder encoder, Audit audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
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
        audit.record("system", AuditAction.USER_CREATED, "user " + username, "role " + role.name());
        return true;
    }

    /**
     * Changes a user's password after checking the current one.
     *
     * @throws PasswordChangeException naming the field at fault
     */
    @Transactional
    public void changePassword(String username, String current, String replacement) {
        AppUser user = users.findByUsername(username).orElse(null);
        if (user == null || current == null || !encoder.matches(current, user.getPasswordHash())) {
            throw new PasswordChangeException("currentPassword", "This is not your current password.");
        }
        if (replacement == null || replacement.length() < MINIMUM_PASSWORD_LENGTH) {
            throw new PasswordChangeException("newPassword", "Use at least " + MINIMUM_PASSWORD_LENGTH + " characters.");
        }
        if (replacement.equals(current)) {
            throw new PasswordChangeException("newPassword", "Choose a password you have not used here just now.");
        }
        user.changePasswordHash(encoder.encode(replacement));
        audit.record(username, AuditAction.PASSWORD_CHANGED, "user " + username, "");
    }

    /** A refused password change, with the form field it concerns. */
    public static class PasswordChangeException extends RuntimeException {
        private final String field;

        PasswordChangeException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    @Transactional(readOnly = true)
    public boolean anyActiveAdmin() {
        return users.existsByRoleAndEnabledTrue(Role.ADMIN);
    }
}
