package io.leadline.web.privacy;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.privacy.PersonalData;
import io.leadline.core.privacy.PersonalData.Erasure;
import io.leadline.core.privacy.PersonalData.Person;
import io.leadline.web.audit.Audit;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A person's requests about their data, answered by an admin: what Leadline holds (shown, and exported as JSON or CSV)
 * and its erasure. Exports are audited with whose data left; an erasure is audited with who and when only.
 */
@Service
public class PersonalDataRequests {

    private final PersonalData data;
    private final Audit audit;
    private final Clock clock;

    PersonalDataRequests(PersonalData data, Audit audit, Clock clock) {
        this.data = data;
        this.audit = audit;
        this.clock = clock;
    }

    public Person find(EmailAddress email) {
        return data.find(email);
    }

    public Map<String, List<Map<String, Object>>> export(Person person, String by, String format) {
        audit.record(
                by,
                AuditAction.PERSONAL_DATA_EXPORTED,
                "personal data request",
                "everything held about " + person.email().value() + " ("
                        + person.leadIds().size() + " leads), as " + format);
        return data.export(person);
    }

    public Erasure erase(EmailAddress email, String by) {
        Erasure erasure = data.erase(data.find(email), by, Instant.now(clock));
        audit.record(
                by,
                AuditAction.PERSONAL_DATA_ERASED,
                "erasure " + erasure.id(),
                erasure.total() + " rows removed or cleared");
        return erasure;
    }

    public List<Erasure> latestErasures() {
        return data.latestErasures(20);
    }
}
