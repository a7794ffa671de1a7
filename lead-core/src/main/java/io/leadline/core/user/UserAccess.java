package io.leadline.core.user;

import java.util.List;
import java.util.Optional;

/** What a signed-in user may do right now: read on every request, so a session follows changes made elsewhere. */
public interface UserAccess {

    Optional<Access> of(String username);

    /** The usernames of the admins who can sign in now (those told when something needs an admin). */
    List<String> activeAdmins();

    /** Stores a user's language and time zone; false when there is no such user. */
    boolean savePreferences(String username, Preferences preferences);

    /**
     * A user's current standing.
     *
     * @param sessionStamp changes whenever the user's sessions must end (role, deactivation, password, sign out
     *     everywhere); a session remembers the stamp it was signed in with
     * @param preferences the user's language and time zone, read with the rest so a page costs one read
     */
    record Access(Role role, boolean enabled, int sessionStamp, Preferences preferences) {

        /** Whether a session signed in with {@code stamp} and {@code grantedRole} still stands. */
        public boolean admits(int stamp, Role grantedRole) {
            return enabled && stamp == sessionStamp && grantedRole == role;
        }
    }
}
