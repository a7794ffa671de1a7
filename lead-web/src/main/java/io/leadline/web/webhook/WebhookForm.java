package io.leadline.web.webhook;

import io.leadline.core.webhook.WebhookEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/** A new webhook endpoint as the settings form sends it. */
public class WebhookForm {

    @NotBlank(message = "Give the URL the CRM receives webhooks at.")
    @Size(max = 2000, message = "A URL is at most 2,000 characters.")
    private String url;

    @NotEmpty(message = "Choose at least one event.")
    private Set<WebhookEvent> events = EnumSet.of(WebhookEvent.MQL);

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Set<WebhookEvent> getEvents() {
        return events;
    }

    public void setEvents(Set<WebhookEvent> events) {
        this.events = events == null ? Set.of() : events;
    }
}
