package io.leadline.web.security;

import io.leadline.core.user.Role;
import io.leadline.core.user.UserAccess;
import io.leadline.web.i18n.UserLocales;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session stands only while its user's access is what it was at sign-in: same role, still enabled, same session
 * stamp ({@link UserAccess.Access#admits}). Checked on every request of a signed-in session against the database, so a
 * demotion, a deactivation, a password change or "sign out everywhere" made on any instance ends the other sessions
 * at their next request — also after a restart, since sessions live in Postgres.
 */
@Component
public class SessionStanding {

    static final String STAMP = "leadline.sessionStamp";

    private final UserAccess access;

    SessionStanding(UserAccess access) {
        this.access = access;
    }

    /** After the user's own change (password, sign out elsewhere): this session takes the new stamp and stays. */
    public void keep(HttpServletRequest request, String username) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            stamp(session, username);
        }
    }

    private void stamp(HttpSession session, String username) {
        access.of(username).ifPresent(now -> session.setAttribute(STAMP, now.sessionStamp()));
    }

    /** The user's access when the session still stands; empty when it must end. */
    Optional<UserAccess.Access> standing(HttpSession session, Authentication auth) {
        return access.of(auth.getName())
                .filter(now ->
                        session.getAttribute(STAMP) instanceof Integer stamp && now.admits(stamp, grantedRole(auth)));
    }

    private static Role grantedRole(Authentication auth) {
        return Arrays.stream(Role.values())
                .filter(role ->
                        auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role.name()).equals(a.getAuthority())))
                .findFirst()
                .orElse(null);
    }

    /**
     * The check, for the page filter chain. Sessions without a signed-in user (the sign-in page's) pass. The user's
     * language and time zone come with the same read and are left on the request for {@link UserLocales}.
     */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                boolean signedInBySession = session != null
                        && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                                != null;
                if (signedInBySession && auth != null && auth.isAuthenticated()) {
                    Optional<UserAccess.Access> now = standing(session, auth);
                    if (now.isEmpty()) {
                        session.invalidate();
                        SecurityContextHolder.clearContext();
                        response.sendRedirect(request.getContextPath() + "/login?ended");
                        return;
                    }
                    UserLocales.remember(request, now.get().preferences());
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Goes to the home page after sign-in, with the session stamped. */
    SimpleUrlAuthenticationSuccessHandler stampingSuccessHandler() {
        var home = new SimpleUrlAuthenticationSuccessHandler("/") {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication auth)
                    throws IOException, ServletException {
                stamp(request.getSession(), auth.getName());
                super.onAuthenticationSuccess(request, response, auth);
            }
        };
        home.setAlwaysUseDefaultTargetUrl(true);
        return home;
    }
}
