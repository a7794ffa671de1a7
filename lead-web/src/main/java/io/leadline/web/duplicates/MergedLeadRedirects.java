package io.leadline.web.duplicates;

import io.leadline.core.duplicates.LeadMerges;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A merged lead's id answers with its survivor's: a page or bookmark of {@code /leads/17} opens the survivor's page,
 * and the API answers {@code 308 Permanent Redirect} to the same path under the survivor's id (a client following it
 * repeats its method and body). Ids are never reused, so an id found among the merged ones is no lead's.
 */
@Configuration
class MergedLeadRedirects implements WebMvcConfigurer, HandlerInterceptor {

    private static final Pattern LEAD_PATH = Pattern.compile("^(/api)?/leads/(\\d{1,18})(/.*)?$");

    private final LeadMerges merges;

    MergedLeadRedirects(LeadMerges merges) {
        this.merges = merges;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/leads/*", "/leads/*/**", "/api/leads/*", "/api/leads/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher lead = LEAD_PATH.matcher(path);
        if (!lead.matches()) {
            return true;
        }
        Optional<Long> survivor = merges.survivorOf(Long.parseLong(lead.group(2)));
        if (survivor.isEmpty()) {
            return true;
        }
        boolean api = lead.group(1) != null;
        String rest = lead.group(3) == null ? "" : lead.group(3);
        String target = request.getContextPath()
                + (api
                        ? "/api/leads/" + survivor.get() + rest
                        : "/leads/" + survivor.get() + ("GET".equals(request.getMethod()) ? rest : ""));
        if (request.getQueryString() != null && (api || "GET".equals(request.getMethod()))) {
            target += "?" + request.getQueryString();
        }
        response.setStatus(
                api
                        ? HttpStatus.PERMANENT_REDIRECT.value()
                        : "GET".equals(request.getMethod())
                                ? HttpStatus.MOVED_PERMANENTLY.value()
                                : HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", target);
        return false;
    }
}
