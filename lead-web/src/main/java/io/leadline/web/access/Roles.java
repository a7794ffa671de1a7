package io.leadline.web.access;

import io.leadline.core.user.Role;
import org.springframework.security.core.Authentication;

/** Whether the signed-in user has a role: the one way controllers ask (an admin may act on anyone's lead). */
public final class Roles {

    private Roles() {}

    public static boolean has(Authentication user, Role role) {
        String authority = "ROLE_" + role.name();
        return user != null && user.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
