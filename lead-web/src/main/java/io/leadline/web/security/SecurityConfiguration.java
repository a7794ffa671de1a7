package io.leadline.web.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import io.leadline.core.user.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** Who may open what. Every route is named here; anything not named needs a signed-in user. */
@Configuration
class SecurityConfiguration {

    private static final String MARKETER = Role.MARKETER.name();
    private static final String SALES = Role.SALES.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(routes -> routes
                        .requestMatchers("/login", "/error", "/css/**", "/images/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/leads/new").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(POST, "/leads/*/bant", "/leads/*/promote", "/leads/*/disqualify",
                                "/leads/*/recycle", "/leads/*/outcome").hasAnyRole(SALES, ADMIN)
                        .requestMatchers(GET, "/leads/*").hasAnyRole(MARKETER, SALES, ADMIN)
                        .requestMatchers(GET, "/queue", "/queue/accounts").hasAnyRole(MARKETER, SALES, ADMIN)
                        .requestMatchers(POST, "/leads/*/assign").hasRole(ADMIN)
                        .requestMatchers(POST, "/queue/**").hasAnyRole(SALES, ADMIN)
                        .requestMatchers("/settings", "/settings/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/").authenticated()
                        .anyRequest().denyAll())
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    /** BCrypt today, with the algorithm named in each stored hash so it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
