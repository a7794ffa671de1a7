package io.leadline.core.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Which field each column of a file feeds, in column order. Guessed from the headers, editable by the user. */
public record ColumnMapping(List<Column> columns) {

    /** One column: its header and what it feeds. */
    public record Column(String header, ImportField field) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(field, "field");
        }
    }

    /** Header spellings seen in CRM and marketing exports, normalised (lower case, letters and digits only). */
    private static final Map<ImportField, Set<String>> SYNONYMS = new EnumMap<>(Map.ofEntries(
            Map.entry(ImportField.FULL_NAME, Set.of("name", "fullname", "contact", "contactname", "leadname", "person")),
            Map.entry(ImportField.FIRST_NAME, Set.of("firstname", "givenname", "forename", "first")),
            Map.entry(ImportField.LAST_NAME, Set.of("lastname", "surname", "familyname", "last")),
            Map.entry(ImportField.EMAIL, Set.of("email", "emailaddress", "mail", "emailid", "workemail", "businessemail")),
            Map.entry(ImportField.COMPANY, Set.of("company", "companyname", "organization", "organisation", "account",
                    "accountname", "employer")),
            Map.entry(ImportField.JOB_TITLE, Set.of("title", "jobtitle", "position", "role", "jobrole")),
            Map.entry(ImportField.COMPANY_SIZE, Set.of("companysize", "employees", "numberofemployees", "headcount",
                    "employeecount", "size")),
            Map.entry(ImportField.COUNTRY, Set.of("country", "countrycode", "nation")),
            Map.entry(ImportField.SOURCE, Set.of("source", "leadsource", "origin", "utmsource", "channel",
                    "trafficsource")),
            Map.entry(ImportField.EXTERNAL_ID, Set.of("id", "externalid", "leadid", "mqlid", "contactid", "recordid",
                    "crmid")),
            Map.entry(ImportField.CREATED_AT, Set.of("createdat", "created", "createdate", "firstcontactdate",
                    "firstcontact", "signupdate", "date")),
            Map.entry(ImportField.OUTCOME, Set.of("outcome", "result", "status", "dealstatus")),
            Map.entry(ImportField.OUTCOME_AT, Set.of("wondate", "closedate", "closedat", "outcomedate", "lostdate"))));

    public ColumnMapping {
        columns = List.copyOf(columns);
        Set<ImportField> seen = EnumSet.noneOf(ImportField.class);
        for (Column column : columns) {
            if (column.field().single() && !seen.add(column.field())) {
                throw new IllegalArgumentException("Two columns are mapped to " + column.field().label() + "; map one.");
            }
        }
    }

    /** A first mapping from the header names; anything unrecognised is kept as a custom attribute. */
    public static ColumnMapping guess(List<String> headers) {
        List<Column> columns = new ArrayList<>();
        Set<ImportField> taken = EnumSet.noneOf(ImportField.class);
        for (String header : headers) {
            String key = normalise(header);
            ImportField field = ImportField.CUSTOM;
            for (var entry : SYNONYMS.entrySet()) {
                if (entry.getValue().contains(key) && !taken.contains(entry.getKey())) {
                    field = entry.getKey();
                    break;
                }
            }
            if (field.single()) {
                taken.add(field);
            }
            if (key.isEmpty()) {
                field = ImportField.IGNORE;
            }
            columns.add(new Column(header, field));
        }
        return new ColumnMapping(columns);
    }

    public int indexOf(ImportField field) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field() == field) {
                return i;
            }
        }
        return -1;
    }

    public boolean maps(ImportField field) {
        return indexOf(field) >= 0;
    }

    /** A lead file needs a way to tell leads apart: an email or an external id column. */
    public List<String> problemsForLeads() {
        List<String> problems = new ArrayList<>();
        if (!maps(ImportField.EMAIL) && !maps(ImportField.EXTERNAL_ID)) {
            problems.add("Map a column to Email or to External id: Leadline needs one to tell leads apart.");
        }
        return problems;
    }

    /** An outcomes file needs the key of an existing lead. */
    public List<String> problemsForOutcomes() {
        List<String> problems = new ArrayList<>();
        if (!maps(ImportField.EMAIL) && !maps(ImportField.EXTERNAL_ID)) {
            problems.add("Map a column to Email or to External id, to find the leads the outcomes belong to.");
        }
        return problems;
    }

    static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
