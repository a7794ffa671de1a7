package io.leadline.core.importing;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.lead.SourceAliases;
import io.leadline.core.lead.StageWords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One row of a lead file, read through a {@link ColumnMapping}: every cell cleaned by {@link CellText} (placeholders
 * such as {@code null} or {@code [not provided]} are blank), then normalised into a profile, or rejected with a
 * reason a marketer can act on. One bad field does not cost the lead where the lead is still a lead without it:
 * <ul>
 *   <li>control characters (NUL among them) are removed from every cell, with a warning;</li>
 *   <li>an unknown country is left blank, with a warning;</li>
 *   <li>an invalid email is left blank, with a warning, when the row has an external id (without one, the email is
 *       the lead's only key and the row is rejected);</li>
 *   <li>an email address in a name column is no name: it becomes the lead's email if it has none, else it is dropped,
 *       with a warning either way.</li>
 * </ul>
 * Everything else that cannot be read (a size or date in no known form, an over-long value, a row with neither key)
 * rejects the row.
 */
public sealed interface LeadRow {

    int MAX_TEXT = 200;
    int MAX_EXTERNAL_ID = 100;
    int MAX_ATTRIBUTE = 1000;
    /** The replacement character a decoder puts where the file's bytes were no text. */
    char UNREADABLE = '\uFFFD';

    /**
     * A row that makes a lead, and what was left out of it. {@code createdAt} falls back to the import's time;
     * {@code stage}: the lifecycle stage the file gives the lead (a stage or outcome column), {@code null} if none;
     * {@code consent}: the marketing consent it gives (a consent or opt-out column): {@code true} given, {@code false}
     * withdrawn (and not to be contacted), {@code null} when it says nothing.
     */
    record Accepted(
            LeadProfile profile,
            String externalId,
            Instant createdAt,
            List<String> warnings,
            LifecycleStage stage,
            Boolean consent)
            implements LeadRow {
        public Accepted {
            warnings = List.copyOf(warnings);
        }

        public Accepted(
                LeadProfile profile,
                String externalId,
                Instant createdAt,
                List<String> warnings,
                LifecycleStage stage) {
            this(profile, externalId, createdAt, warnings, stage, null);
        }

        public Accepted(LeadProfile profile, String externalId, Instant createdAt, List<String> warnings) {
            this(profile, externalId, createdAt, warnings, null);
        }

        /** The row with its source as the merged sources say ({@link SourceAliases}). */
        public Accepted withSourcesOf(SourceAliases aliases) {
            LeadProfile resolved = aliases.apply(profile);
            return resolved == profile ? this : new Accepted(resolved, externalId, createdAt, warnings, stage, consent);
        }

        public Accepted(LeadProfile profile, String externalId, Instant createdAt) {
            this(profile, externalId, createdAt, List.of());
        }
    }

    record Rejected(String reason) implements LeadRow {}

    static LeadRow read(List<String> rowCells, ColumnMapping mapping, Instant importedAt) {
        RowShape shape = RowShape.of(rowCells, mapping.columns().size());
        if (shape.refusal() != null) {
            return new Rejected(shape.refusal());
        }
        List<String> cells = shape.cells();
        Map<ImportField, String> values = new EnumMap<>(ImportField.class);
        Map<String, String> custom = new LinkedHashMap<>();
        List<String> controlsRemoved = null;
        for (int i = 0; i < cells.size(); i++) {
            ColumnMapping.Column column = mapping.columns().get(i);
            String raw = cells.get(i);
            String value = CellText.clean(raw);
            // clean() hands a plain cell back as it is: only a changed one can have held control characters.
            if (value != raw && column.field() != ImportField.IGNORE && CellText.hasControlCharacters(raw)) {
                controlsRemoved = controlsRemoved == null ? new ArrayList<>() : controlsRemoved;
                controlsRemoved.add(column.header().strip());
            }
            if (value.indexOf(UNREADABLE) >= 0) {
                return new Rejected(column.header() + " holds bytes that are not text in the file's encoding (UTF-8); "
                        + "fix the cell or export the file as UTF-8 again");
            }
            if (value.isEmpty() || column.field() == ImportField.IGNORE || mapping.readsAsEmpty(value)) {
                continue;
            }
            if (column.field() == ImportField.STAGE) {
                custom.put(column.header().strip(), value); // the status as the file wrote it stays with the lead
            }
            if (column.field() == ImportField.CUSTOM) {
                if (value.length() > MAX_ATTRIBUTE) {
                    return new Rejected(column.header() + " is longer than " + MAX_ATTRIBUTE + " characters");
                }
                custom.put(column.header().strip(), value);
            } else {
                values.put(column.field(), value);
            }
        }
        for (ImportField text : Patterns.TEXT_FIELDS) {
            if (values.getOrDefault(text, "").length() > MAX_TEXT) {
                return new Rejected(text.label() + " is longer than " + MAX_TEXT + " characters");
            }
        }
        List<String> warnings = new ArrayList<>();
        if (shape.warning() != null) {
            warnings.add(shape.warning());
        }
        if (controlsRemoved != null) {
            warnings.add("control characters (such as NUL) removed from " + String.join(", ", controlsRemoved));
        }
        for (ImportField nameField : Patterns.NAME_FIELDS) {
            String name = values.get(nameField);
            if (name != null
                    && name.indexOf('@') > 0
                    && EmailAddress.parse(name).isPresent()) {
                values.remove(nameField);
                if (values.putIfAbsent(ImportField.EMAIL, name) == null) {
                    warnings.add(nameField.label() + " \"" + name + "\" is an email address: taken as the email");
                } else {
                    warnings.add(nameField.label() + " \"" + name + "\" is an email address, not a name: left blank");
                }
            }
        }
        String externalId = values.get(ImportField.EXTERNAL_ID);
        if (externalId != null && externalId.length() > MAX_EXTERNAL_ID) {
            return new Rejected("External id is longer than " + MAX_EXTERNAL_ID + " characters");
        }
        EmailAddress email = null;
        if (values.containsKey(ImportField.EMAIL)) {
            Optional<EmailAddress> parsed = EmailAddress.parse(values.get(ImportField.EMAIL));
            if (parsed.isPresent()) {
                email = parsed.get();
            } else if (externalId == null) {
                return new Rejected("\"" + values.get(ImportField.EMAIL) + "\" is not a valid email address");
            } else {
                warnings.add("\"" + values.get(ImportField.EMAIL) + "\" is not a valid email address: left blank");
            }
        }
        if (email == null && externalId == null) {
            return new Rejected("the row has neither an email nor an external id");
        }
        Integer size = null;
        if (values.containsKey(ImportField.COMPANY_SIZE)) {
            Optional<Integer> parsed = companySize(values.get(ImportField.COMPANY_SIZE));
            if (parsed.isEmpty()) {
                return new Rejected(
                        "company size \"" + values.get(ImportField.COMPANY_SIZE) + "\" is not a number of employees");
            }
            size = parsed.get();
        }
        String country = null;
        if (values.containsKey(ImportField.COUNTRY)) {
            Optional<String> code = Countries.isoCode(values.get(ImportField.COUNTRY));
            if (code.isPresent()) {
                country = code.get();
            } else {
                warnings.add("country \"" + values.get(ImportField.COUNTRY)
                        + "\" is not a country Leadline knows: left blank");
            }
        }
        Instant created = importedAt;
        if (values.containsKey(ImportField.CREATED_AT)) {
            ColumnMapping.Column column = mapping.column(ImportField.CREATED_AT).orElseThrow();
            Optional<Instant> parsed = column.date(values.get(ImportField.CREATED_AT));
            if (parsed.isEmpty()) {
                return new Rejected(column.dateRefusal(values.get(ImportField.CREATED_AT)));
            }
            created = parsed.get();
        }
        String name = values.get(ImportField.FULL_NAME);
        if (name == null && (values.containsKey(ImportField.FIRST_NAME) || values.containsKey(ImportField.LAST_NAME))) {
            name = (values.getOrDefault(ImportField.FIRST_NAME, "") + " "
                            + values.getOrDefault(ImportField.LAST_NAME, ""))
                    .strip();
        }
        return new Accepted(
                new LeadProfile(
                        name,
                        email,
                        values.get(ImportField.COMPANY),
                        values.get(ImportField.JOB_TITLE),
                        size,
                        country,
                        values.get(ImportField.SOURCE),
                        custom),
                externalId,
                created,
                warnings,
                stage(values, mapping, warnings),
                consent(values, warnings));
    }

    /** The consent the row's consent column gives, turned to withdrawn by a yes in its opt-out column. */
    private static Boolean consent(Map<ImportField, String> values, List<String> warnings) {
        Boolean consent = null;
        String given = values.get(ImportField.MARKETING_CONSENT);
        if (given != null) {
            consent = ConsentWords.answer(given).orElse(null);
            if (consent == null) {
                warnings.add("marketing consent \"" + given + "\" is neither yes nor no: left out");
            }
        }
        String optedOut = values.get(ImportField.OPTED_OUT);
        if (optedOut != null) {
            Optional<Boolean> out = ConsentWords.answer(optedOut);
            if (out.isEmpty()) {
                warnings.add("opted out \"" + optedOut + "\" is neither yes nor no: left out");
            } else if (out.get()) {
                consent = false;
            }
        }
        return consent;
    }

    /** The stage the row's outcome (won or lost, first) or stage column gives, with a warning for a value it cannot place. */
    private static LifecycleStage stage(Map<ImportField, String> values, ColumnMapping mapping, List<String> warnings) {
        String outcome = values.get(ImportField.OUTCOME);
        if (outcome != null) {
            Optional<LifecycleStage> closed = OutcomeRow.wonOrLost(outcome)
                    .or(() -> StageWords.stageOf(outcome)
                            .filter(s -> s == LifecycleStage.WON || s == LifecycleStage.LOST));
            if (closed.isPresent()) {
                return closed.get();
            }
            warnings.add("outcome \"" + outcome + "\" is neither won nor lost: left out");
        }
        String status = values.get(ImportField.STAGE);
        if (status == null) {
            return null;
        }
        Optional<LifecycleStage> stage = mapping.stages().stageOf(status);
        if (stage.isEmpty() && !mapping.stages().ignores(status)) {
            warnings.add("stage \"" + status + "\" is not mapped to a lifecycle stage: the stage comes from the score");
        }
        return stage.orElse(null);
    }

    /** "1200", "1,200", "1.200", "1 200", "500+" and ranges such as "50-199" (the lower bound). */
    static Optional<Integer> companySize(String text) {
        if (!text.isEmpty() && text.length() <= 8 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Integer.parseInt(text)); // the common case, without the patterns
        }
        String digits = Patterns.THOUSANDS.matcher(text.strip()).replaceAll("");
        var match = Patterns.SIZE.matcher(digits);
        return match.matches() ? Optional.of(Integer.parseInt(match.group(1))) : Optional.empty();
    }

    /** Compiled once: an interface cannot hold private constants. */
    final class Patterns {
        static final Pattern THOUSANDS = Pattern.compile("(?<=\\d)[,. ](?=\\d{3}\\b)");
        static final Pattern SIZE = Pattern.compile("^(\\d{1,8})\\s*(\\+|-\\s*\\d+)?$");
        /** The free-text fields whose length is checked. */
        static final List<ImportField> NAME_FIELDS =
                List.of(ImportField.FULL_NAME, ImportField.FIRST_NAME, ImportField.LAST_NAME);

        static final List<ImportField> TEXT_FIELDS = List.of(
                ImportField.FULL_NAME,
                ImportField.FIRST_NAME,
                ImportField.LAST_NAME,
                ImportField.COMPANY,
                ImportField.JOB_TITLE,
                ImportField.SOURCE);

        private Patterns() {}
    }
}
