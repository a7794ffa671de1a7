package io.leadline.web.security;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.user.Role;
import io.leadline.persistence.user.AppUser;
import io.leadline.persistence.user.AppUsers;
import io.leadline.web.audit.Audit;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.NoSuchElementException;
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
    private final LoginThrottle throttle;

    UserAccounts(AppUsers users, PasswordEncoder encoder, Audit audit, Clock clock, LoginThrottle throttle) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.throttle = throttle;
    }

    /** Creates the account unless the username is taken; answers whether it created one. */
    @Transactional
    public boolean createIfAbsent(String username, String rawPassword, Role role) {
        return createIfAbsent(username, rawPassword, role, "system");
    }

    /** One user created, one audit entry: by whoever created it ({@code by}). */
    private boolean createIfAbsent(String username, String rawPassword, Role role, String by) {
        if (rawPassword == null || rawPassword.length() < MINIMUM_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password of '" + username + "' must have at least "
                    + MINIMUM_PASSWORD_LENGTH + " characters.");
        }
        if (users.existsByUsername(username)) {
            return false;
        }
        users.save(new AppUser(username, encoder.encode(rawPassword), role, Instant.now(clock)));
        audit.record(by, AuditAction.USER_CREATED, "user " + username, "role " + role.name());
        return true;
    }

    /**
     * Changes a user's password after checking the current one.
     *
     * @throws PasswordChangeException naming the field at fault
     */
    @Transactional(noRollbackFor = PasswordChangeException.class)
    public void changePassword(String username, String current, String replacement) {
        // The new password is judged first, on what was typed alone: no answer tells a right guess of the current one.
        if (replacement == null || replacement.length() < MINIMUM_PASSWORD_LENGTH) {
            throw new PasswordChangeException(
                    "newPassword",
                    "password.tooShort",
                    "Use at least " + MINIMUM_PASSWORD_LENGTH + " characters.",
                    MINIMUM_PASSWORD_LENGTH);
        }
        if (replacement.equals(current)) {
            throw new PasswordChangeException(
                    "newPassword", "password.same", "The new password must differ from the current one.");
        }
        if (throttle.passwordGuessesBlocked(username)) {
            audit.record(
                    username,
                    AuditAction.PASSWORD_CHANGE_FAILED,
                    "user " + username,
                    "refused without checking: too many wrong guesses");
            throw new PasswordChangeException(
                    "currentPassword",
                    "password.blocked",
                    "Too many wrong current passwords: wait a little and try again.");
        }
        AppUser user = users.findByUsername(username).orElse(null);
        if (user == null || current == null || !encoder.matches(current, user.getPasswordHash())) {
            throttle.passwordGuessFailed(username);
            audit.record(username, AuditAction.PASSWORD_CHANGE_FAILED, "user " + username, "wrong current password");
            throw new PasswordChangeException(
                    "currentPassword", "password.wrong", "This is not your current password.");
        }
        throttle.passwordGuessRight(username);
        user.changePasswordHash(encoder.encode(replacement));
        audit.record(username, AuditAction.PASSWORD_CHANGED, "user " + username, "other sessions signed out");
    }

    /** An admin lets a throttled username or address try again at once. */
    public void clearThrottle(String key, String by) {
        throttle.clear(key);
        audit.record(by, AuditAction.SIGN_IN_THROTTLE_CLEARED, LoginThrottle.describe(key), "by " + by);
    }

    /** Ends every session of the user at its next request, on every instance (the caller's own may then be kept). */
    @Transactional
    public void endSessions(String username, String by) {
        AppUser user =
                users.findByUsername(username).orElseThrow(() -> new NoSuchElementException("There is no such user."));
        user.endSessions();
        audit.record(
                by, AuditAction.SESSIONS_ENDED, "user " + username, by.equals(username) ? "by themself" : "by " + by);
    }

    /** A refused password change, with the form field it concerns and its message's key (messages.properties). */
    public static class PasswordChangeException extends RuntimeException {
        private final String field;
        private final String code;
        private final transient Object[] arguments;

        PasswordChangeException(String field, String code, String message, Object... arguments) {
            super(message);
            this.field = field;
            this.code = code;
            this.arguments = arguments;
        }

        public String field() {
            return field;
        }

        public String code() {
            return code;
        }

        public Object[] arguments() {
            return arguments.clone();
        }
    }

    /** An admin adds a user; the password is theirs to change after the first sign-in. */
    @Transactional
    public void create(String username, String rawPassword, Role role, int capacity, String by) {
        if (username == null || !username.strip().matches("[A-Za-z0-9._@-]{2,100}")) {
            throw new IllegalArgumentException(
                    "A username is 2 to 100 letters, digits, dots, dashes, underscores or @.");
        }
        if (users.existsByUsername(username.strip())) {
            throw new IllegalArgumentException("The username " + username.strip() + " is taken.");
        }
        if (capacity < 0 || capacity > 10_000) {
            throw new IllegalArgumentException("Capacity is a number of open leads from 0 to 10,000.");
        }
        createIfAbsent(username.strip(), rawPassword, role, by);
        users.findByUsername(username.strip()).orElseThrow().setCapacity(capacity);
    }

    @Transactional
    public void changeRole(String username, Role role, String by) {
        AppUser user = users.findByUsername(username).orElseThrow();
        if (user.getRole() == role) {
            return;
        }
        guardLastAdmin(user, "take the admin role from");
        Role before = user.getRole();
        user.setRole(role);
        audit.record(by, AuditAction.ROLE_CHANGED, "user " + username, before.name() + " → " + role.name());
    }

    @Transactional
    public void setEnabled(String username, boolean enabled, String by) {
        AppUser user = users.findByUsername(username).orElseThrow();
        if (!enabled) {
            guardLastAdmin(user, "deactivate");
        }
        user.setEnabled(enabled);
        audit.record(by, AuditAction.ROLE_CHANGED, "user " + username, enabled ? "reactivated" : "deactivated");
    }

    @Transactional
    public void setCapacity(String username, int capacity, String by) {
        if (capacity < 0 || capacity > 10_000) {
            throw new IllegalArgumentException("Capacity is a number of open leads from 0 to 10,000.");
        }
        users.findByUsername(username).orElseThrow().setCapacity(capacity);
    }

    /** Gives the user a new random password, shown once to the admin to pass on. */
    @Transactional
    public String resetPassword(String username, String by) {
        AppUser user = users.findByUsername(username).orElseThrow();
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        user.changePasswordHash(encoder.encode(password));
        audit.record(
                by, AuditAction.PASSWORD_CHANGED, "user " + username, "reset by an admin; their sessions signed out");
        return password;
    }

    private void guardLastAdmin(AppUser user, String action) {
        if (user.getRole() == Role.ADMIN && user.isEnabled() && users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new IllegalArgumentException(
                    "You cannot " + action + " the last active admin: make someone else admin first.");
        }
    }

    @Transactional(readOnly = true)
    public boolean anyActiveAdmin() {
        return users.existsByRoleAndEnabledTrue(Role.ADMIN);
    }
}
