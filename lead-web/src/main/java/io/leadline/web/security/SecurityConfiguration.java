package io.leadline.web.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.leadline.core.user.Role;
import io.leadline.web.api.ApiProblems;
import io.leadline.web.api.ApiTokenAuthenticationFilter;
import io.leadline.web.api.ApiTokenRegistry;
import io.leadline.web.tracking.TrackingCors;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/** Who may open what. Every route is named here; anything not named is denied. */
@Configuration
class SecurityConfiguration {

    private static final String MARKETER = Role.MARKETER.name();
    private static final String SALES = Role.SALES.name();
    private static final String ADMIN = Role.ADMIN.name();

    /** No inline script or style anywhere: everything comes from our own origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * The REST API: signed in by API token on every call (no session, so no CSRF token either: a browser's cookies
     * never authenticate an API call). Each endpoint is open to the roles a token may act as.
     */
    @Bean
    @Order(0)
    SecurityFilterChain api(HttpSecurity http, ApiTokenRegistry tokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(routes -> routes.requestMatchers(POST, "/api/leads")
                        .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(PUT, "/api/leads/*")
                        .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(GET, "/api/leads", "/api/leads/*", "/api/leads/*/score")
                        .hasAnyRole(MARKETER, SALES, ADMIN)
                        .requestMatchers(POST, "/api/leads/*/outcome")
                        .hasAnyRole(SALES, ADMIN)
                        .requestMatchers(POST, "/api/activities", "/api/email-links")
                        .hasAnyRole(MARKETER, ADMIN)
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> ApiProblems.writeUnauthorized(
                                        response,
                                        "Send an API token as Authorization: Bearer <token>. Admins create tokens on the settings page."))
                        .accessDeniedHandler((request, response, e) -> ApiProblems.write(
                                response, HttpStatus.FORBIDDEN, "This token's role may not use this endpoint.")))
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /**
     * Website and email tracking: the snippet, its collect endpoint (cross-origin per site, TrackingCors) and the
     * email open and click links. Public, stateless, and never a cookie of Leadline's: a hit carries its visitor id in
     * its body, a link its signed lead.
     */
    @Bean
    @Order(1)
    SecurityFilterChain tracking(HttpSecurity http, TrackingCors cors) throws Exception {
        http.securityMatcher("/t/**")
                .authorizeHttpRequests(routes -> routes.requestMatchers(GET, "/t/leadline.js", "/t/o/*", "/t/c/*")
                        .permitAll()
                        .requestMatchers(POST, "/t/*/collect")
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/t/*/collect")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .cors(c -> c.configurationSource(cors))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        // The script is cached (TrackingScriptResource); the pixel and the collect answers say no-store
                        // themselves.
                        .cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * The public capture forms: no sign-in, no session CSRF token (they carry a signed form token instead, see
     * FormTokens), and embeddable in the pages named by {@code leadline.forms.frame-ancestors}.
     */
    @Bean
    @Order(2)
    SecurityFilterChain publicForms(
            HttpSecurity http, @Value("${leadline.forms.frame-ancestors:*}") String frameAncestors) throws Exception {
        http.securityMatcher("/forms/**")
                .authorizeHttpRequests(routes -> routes.requestMatchers(GET, "/forms/*", "/forms/*/thanks")
                        .permitAll()
                        .requestMatchers(POST, "/forms/*")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY.replace(
                                        "frame-ancestors 'none'", "frame-ancestors " + frameAncestors)))
                        .frameOptions(frame -> frame.disable())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(
            HttpSecurity http,
            UserDetailsService users,
            PasswordEncoder encoder,
            LoginThrottle throttle,
            AuthenticationEventPublisher events,
            Clock clock,
            SessionStanding standing,
            @Value("${leadline.session.absolute-timeout:8h}") Duration absoluteTimeout)
            throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        // One provider and no parent: a blocked sign-in must not fall through to another password check.
        ProviderManager signIn = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
        signIn.setAuthenticationEventPublisher(events);
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(
                Map.of(ThrottledAuthenticationProvider.SignInBlockedException.class.getName(), "/login?blocked"));

        http.authenticationManager(signIn)
                .authorizeHttpRequests(routes -> routes.requestMatchers(
                                "/login", "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/leads/new")
                        .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers("/imports", "/imports/**")
                        .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(GET, "/reports", "/reports/*")
                        .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(POST, "/reports/refresh")
                        .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(
                                POST,
                                "/leads/*/bant",
                                "/leads/*/promote",
                                "/leads/*/disqualify",
                                "/leads/*/recycle",
                                "/leads/*/outcome")
                        .hasAnyRole(SALES, ADMIN)
                        .requestMatchers(GET, "/leads/export.csv", "/leads/email-links", "/leads/email-links.csv")
                        .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(POST, "/leads/export.csv")
                        .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers("/leads/*/edit")
                        .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers("/leads/duplicates", "/leads/duplicates/**", "/leads/merge")
                        .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers("/leads/bulk", "/leads/bulk/*")
                        .hasAnyRole(MARKETER, SALES, ADMIN)
                        .requestMatchers(POST, "/leads/*/submissions/*/accept", "/leads/*/submissions/*/dismiss")
                        .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(POST, "/segments", "/segments/*/delete")
                        .hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(POST, "/leads/*/activities", "/leads/*/contact")
                        .hasAnyRole(MARKETER, SALES, ADMIN)
                        .requestMatchers(GET, "/leads", "/leads/*")
                        .hasAnyRole(MARKETER, SALES, ADMIN)
                        .requestMatchers(GET, "/queue", "/queue/accounts", "/accounts", "/accounts/*")
                        .hasAnyRole(MARKETER, SALES, ADMIN)
                        .requestMatchers(POST, "/accounts/*/owner")
                        .hasRole(ADMIN)
                        .requestMatchers(POST, "/leads/*/assign")
                        .hasRole(ADMIN)
                        .requestMatchers(POST, "/queue/**")
                        .hasAnyRole(SALES, ADMIN)
                        .requestMatchers("/settings", "/settings/**")
                        .hasRole(ADMIN)
                        .requestMatchers(
                                GET,
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/v3/api-docs",
                                "/v3/api-docs.yaml",
                                "/v3/api-docs/**")
                        .hasRole(ADMIN)
                        .requestMatchers(
                                "/account/password",
                                "/account/preferences",
                                "/account/sessions/end",
                                "/account/alerts",
                                "/inbox",
                                "/inbox/**")
                        .authenticated()
                        .requestMatchers(GET, "/")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .formLogin(login -> login.loginPage("/login")
                        .successHandler(standing.stampingSuccessHandler())
                        .failureHandler(failures)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterAfter(standing.filter(), SecurityContextHolderFilter.class)
                .addFilterBefore(
                        new AbsoluteSessionTimeout(absoluteTimeout, clock), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /** Publishes every failed sign-in, whatever the exception, so the throttle and the audit log see it. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        var events = new DefaultAuthenticationEventPublisher(publisher);
        events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return events;
    }

    /** BCrypt today, with the algorithm named in each stored hash so it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
