package io.leadline.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an API call by its {@code Authorization: Bearer} token. A call without one goes on anonymous (and is
 * answered 401 by the entry point); a call with an unknown or revoked token is answered 401 here.
 */
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokenRegistry registry;

    public ApiTokenAuthenticationFilter(ApiTokenRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var client = registry.authenticate(header.substring(7).strip());
        if (client.isEmpty()) {
            ApiProblems.writeUnauthorized(
                    response, "The API token is unknown or was revoked. Ask an admin for a new one.");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                client.get(),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + client.get().role().name())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
