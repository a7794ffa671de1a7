package io.leadline.web.privacy;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.contact.ContactStatuses;
import io.leadline.core.importing.CellText;
import io.leadline.core.importing.SpreadsheetSafety;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.privacy.PersonalData.Person;
import io.leadline.web.audit.Audit;
import io.leadline.web.i18n.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings → Personal data: one page that answers a person's request to see their data (JSON or CSV download) or to
 * have it erased, by their email address.
 */
@Controller
class PersonalDataController {

    static final String VIEW = "privacy/personal-data";

    static final int CONSENT_TEXT_MAX = 500;

    private final PersonalDataRequests requests;
    private final JsonMapper json;
    private final ContactStatuses contacts;
    private final Audit audit;
    private final Clock clock;

    private final PageMessages messages;

    PersonalDataController(
            PersonalDataRequests requests,
            JsonMapper json,
            ContactStatuses contacts,
            Audit audit,
            Clock clock,
            PageMessages messages) {
        this.messages = messages;
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
        this.requests = requests;
        this.json = json;
    }

    @GetMapping("/settings/personal-data")
    String page(@RequestParam(required = false) String email, Model model) {
        model.addAttribute("email", email == null ? "" : email.strip());
        model.addAttribute("erasures", requests.latestErasures());
        if (!model.containsAttribute("consentText")) {
            model.addAttribute("consentText", contacts.formConsentText().orElse(""));
        }
        if (email == null || email.isBlank()) {
            return VIEW;
        }
        Optional<EmailAddress> address = EmailAddress.parse(email);
        if (address.isEmpty()) {
            model.addAttribute("emailError", "That is not an email address Leadline can look for.");
            return VIEW;
        }
        Person person = requests.find(address.get());
        model.addAttribute("person", person);
        return VIEW;
    }

    @GetMapping("/settings/personal-data/export.json")
    void exportJson(@RequestParam String email, Principal user, HttpServletResponse response) throws IOException {
        Person person = requests.find(address(email));
        var sections = requests.export(person, user.getName(), "JSON");
        response.setContentType("application/json");
        response.setHeader("Content-Disposition", "attachment; filename=\"personal-data.json\"");
        json.writerWithDefaultPrettyPrinter()
                .writeValue(
                        response.getOutputStream(),
                        Map.of("email", person.email().value(), "leads", person.leadIds(), "sections", sections));
    }

    /** One row per field: section, record number, field, value — every section in one file a spreadsheet opens. */
    @GetMapping("/settings/personal-data/export.csv")
    void exportCsv(@RequestParam String email, Principal user, HttpServletResponse response) throws IOException {
        Person person = requests.find(address(email));
        var sections = requests.export(person, user.getName(), "CSV");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"personal-data.csv\"");
        var csv = new CSVPrinter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), CSVFormat.DEFAULT);
        csv.printRecord("section", "record", "field", "value");
        for (Map.Entry<String, List<Map<String, Object>>> section : sections.entrySet()) {
            int n = 0;
            for (Map<String, Object> record : section.getValue()) {
                n++;
                for (Map.Entry<String, Object> field : record.entrySet()) {
                    csv.printRecord(
                            section.getKey(),
                            n,
                            field.getKey(),
                            field.getValue() == null
                                    ? ""
                                    : SpreadsheetSafety.cell(field.getValue().toString()));
                }
            }
        }
        csv.flush();
    }

    @PostMapping("/settings/personal-data/erase")
    String erase(
            @RequestParam String email,
            @RequestParam(defaultValue = "") String confirm,
            Principal user,
            RedirectAttributes redirect) {
        EmailAddress address = address(email);
        if (!address.equals(EmailAddress.parse(confirm).orElse(null))) {
            redirect.addFlashAttribute("error", messages.get("privacy.confirm.mismatch"));
            redirect.addAttribute("email", address.value());
            return "redirect:/settings/personal-data";
        }
        var erasure = requests.erase(address, user.getName());
        redirect.addFlashAttribute(
                "message", messages.get("privacy.erased", erasure.total(), String.valueOf(erasure.id())));
        return "redirect:/settings/personal-data";
    }

    /** The consent checkbox's text on public forms; a blank text removes the checkbox. */
    @PostMapping("/settings/personal-data/consent-text")
    String consentText(
            @RequestParam(defaultValue = "") String text, Principal user, Model model, RedirectAttributes redirect) {
        String stripped = text.strip();
        if (stripped.length() > CONSENT_TEXT_MAX || CellText.hasControlCharacters(stripped)) {
            model.addAttribute("consentText", text);
            model.addAttribute(
                    "consentTextError",
                    stripped.length() > CONSENT_TEXT_MAX
                            ? "Keep the text under " + CONSENT_TEXT_MAX + " characters."
                            : "Remove the control characters from the text.");
            return page(null, model);
        }
        contacts.formConsentText(stripped, user.getName(), Instant.now(clock));
        audit.record(
                user.getName(),
                AuditAction.CONSENT_TEXT_CHANGED,
                "public forms",
                stripped.isEmpty() ? "no consent checkbox" : stripped);
        redirect.addFlashAttribute(
                "message", messages.get(stripped.isEmpty() ? "privacy.consent.off" : "privacy.consent.on"));
        return "redirect:/settings/personal-data";
    }

    private static EmailAddress address(String email) {
        return EmailAddress.parse(email)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, "That is not an email address Leadline can look for."));
    }
}
