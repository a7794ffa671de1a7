package io.leadline.web.inbox;

import io.leadline.core.inbox.AlertMode;
import io.leadline.core.inbox.InboxItem;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/** A user's mail alert settings as the form sends them. */
public class AlertForm {

    @Email(message = "That is not an email address.")
    @Size(max = 254, message = "An email address is at most 254 characters.")
    private String email;

    @NotNull(message = "Choose how you get alerts.")
    private AlertMode mode = AlertMode.INSTANT;

    /** The kinds of notice to mail; none ticked is refused (choose "No mail" instead). */
    private Set<InboxItem.Kind> kinds = EnumSet.allOf(InboxItem.Kind.class);

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null || email.isBlank() ? null : email.strip();
    }

    public Set<InboxItem.Kind> getKinds() {
        return kinds;
    }

    public void setKinds(Set<InboxItem.Kind> kinds) {
        this.kinds = kinds == null ? EnumSet.noneOf(InboxItem.Kind.class) : kinds;
    }

    public AlertMode getMode() {
        return mode;
    }

    public void setMode(AlertMode mode) {
        this.mode = mode;
    }
}
