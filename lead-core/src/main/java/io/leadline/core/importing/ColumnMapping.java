package io.leadline.core.importing;

import io.leadline.core.Refusal;
import io.leadline.core.lead.FieldKey;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Which field each column of a file feeds, in column order. Guessed from the headers, editable by the user. */
public record ColumnMapping(List<Column> columns, StageMapping stages, Set<String> emptyValues) {

    /**
     * One column: its header, what it feeds, and for a date field how it writes its dates ({@code null}: any of the
     * forms {@link ImportDates} reads, as before formats were chosen per column).
     */
    public record Column(String header, ImportField field, DateFormat dateFormat) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(field, "field");
            if (!field.isDate()) {
                dateFormat = null;
            }
        }

        public Column(String header, ImportField field) {
            this(header, field, null);
        }

        /** The instant a cell of this (date) column names, if it is one in the column's format. */
        public Optional<Instant> date(String cell) {
            return dateFormat == null ? ImportDates.parse(cell) : dateFormat.parse(cell);
        }

        /** Why a cell of this (date) column is no date. */
        public String dateRefusal(String cell) {
            return dateFormat == null
                    ? "\"" + cell + "\" is not a date Leadline reads (use 2018-02-01, 01-02-2018 or 01/02/2018)"
                    : dateFormat.refusal(cell);
        }
    }

    /**
     * Header spellings seen in CRM and marketing exports, normalised (lower case, letters and digits only): generic
     * ones, HubSpot ({@code Record ID - Contact}, {@code Create Date}, {@code Country/Region}, {@code Original Source},
     * {@code Number of Employees}), Salesforce ({@code Lead ID}, {@code Lead Source}, {@code No. of Employees},
     * {@code Created Date}), Pipedrive ({@code Person - Name}, {@code Organization - Name}, {@code Lead created}),
     * Zoho ({@code Record Id}, {@code Created Time}), Facebook and LinkedIn lead ads ({@code full_name}, {@code lead_id},
     * {@code created_time}, {@code company_name}), and the Portuguese and Spanish headers of Brazilian and Latin American
     * tools ({@code Nome}, {@code Empresa}, {@code Cargo}, {@code Funcionários}, {@code País}, {@code Origem},
     * {@code Data de criação}; {@code Nombre}, {@code Empleados}). The one table of them; LeadRowTest has a test per export shape.
     * Status and lifecycle columns feed the lifecycle stage ({@link StageMapping}), not the outcome.
     */
    private static final Map<ImportField, Set<String>> SYNONYMS = new EnumMap<>(Map.ofEntries(
            Map.entry(
                    ImportField.FULL_NAME,
                    Set.of(
                            "name",
                            "fullname",
                            "contact",
                            "contactname",
                            "leadname",
                            "person",
                            "personname",
                            "yourname",
                            "nome",
                            "nomecompleto",
                            "nombre",
                            "nombrecompleto")),
            Map.entry(
                    ImportField.FIRST_NAME,
                    Set.of(
                            "firstname",
                            "givenname",
                            "forename",
                            "first",
                            "personfirstname",
                            "primeironome",
                            "prenome",
                            "primernombre")),
            Map.entry(
                    ImportField.LAST_NAME,
                    Set.of(
                            "lastname",
                            "surname",
                            "familyname",
                            "last",
                            "personlastname",
                            "sobrenome",
                            "ultimonome",
                            "apellido",
                            "apellidos")),
            Map.entry(
                    ImportField.EMAIL,
                    Set.of(
                            "email",
                            "emailaddress",
                            "mail",
                            "emailid",
                            "workemail",
                            "businessemail",
                            "personemail",
                            "personemailwork",
                            "primaryemail",
                            "youremail",
                            "emailcontact",
                            "correo",
                            "correoelectronico")),
            Map.entry(
                    ImportField.COMPANY,
                    Set.of(
                            "company",
                            "companyname",
                            "organization",
                            "organisation",
                            "account",
                            "accountname",
                            "employer",
                            "organizationname",
                            "organisationname",
                            "associatedcompany",
                            "empresa",
                            "companhia",
                            "organizacao",
                            "nomedaempresa",
                            "organizacion")),
            Map.entry(
                    ImportField.JOB_TITLE,
                    Set.of(
                            "title",
                            "jobtitle",
                            "position",
                            "role",
                            "jobrole",
                            "personjobtitle",
                            "designation",
                            "cargo",
                            "funcao",
                            "puesto")),
            Map.entry(
                    ImportField.COMPANY_SIZE,
                    Set.of(
                            "companysize",
                            "employees",
                            "numberofemployees",
                            "headcount",
                            "employeecount",
                            "size",
                            "noofemployees",
                            "numemployees",
                            "companyemployees",
                            "organizationsize",
                            "funcionarios",
                            "numerodefuncionarios",
                            "tamanhodaempresa",
                            "empleados",
                            "numerodeempleados")),
            Map.entry(
                    ImportField.COUNTRY,
                    Set.of(
                            "country",
                            "countrycode",
                            "nation",
                            "countryregion",
                            "billingcountry",
                            "mailingcountry",
                            "ipcountry",
                            "pais")),
            Map.entry(
                    ImportField.SOURCE,
                    Set.of(
                            "source",
                            "leadsource",
                            "origin",
                            "utmsource",
                            "channel",
                            "trafficsource",
                            "originalsource",
                            "originalsourcetype",
                            "sourcechannel",
                            "leadorigin",
                            "origem",
                            "fonte",
                            "canal",
                            "origemdaprimeiraconversao",
                            "fuente",
                            "origen")),
            Map.entry(
                    ImportField.EXTERNAL_ID,
                    Set.of(
                            "id",
                            "externalid",
                            "leadid",
                            "mqlid",
                            "contactid",
                            "recordid",
                            "crmid",
                            "recordidcontact",
                            "recordidlead",
                            "personid")),
            Map.entry(
                    ImportField.CREATED_AT,
                    Set.of(
                            "createdat",
                            "created",
                            "createdate",
                            "firstcontactdate",
                            "firstcontact",
                            "signupdate",
                            "date",
                            "createddate",
                            "createdtime",
                            "leadcreated",
                            "leadcreatedate",
                            "submittedat",
                            "submissiondate",
                            "datadecriacao",
                            "criadoem",
                            "datadecadastro",
                            "datadaprimeiraconversao",
                            "fechadecreacion",
                            "fechaderegistro")),
            Map.entry(
                    ImportField.STAGE,
                    Set.of(
                            "stage",
                            "status",
                            "leadstatus",
                            "lifecyclestage",
                            "lifecycle",
                            "leadstage",
                            "contactstatus",
                            "lifecyclestatus",
                            "hsleadstatus",
                            "leadlifecyclestage",
                            "salesstage",
                            "funnelstage",
                            "etapa",
                            "estagio",
                            "situacao")),
            Map.entry(ImportField.OUTCOME, Set.of("outcome", "result", "dealstatus", "wonlost")),
            Map.entry(ImportField.OUTCOME_AT, Set.of("wondate", "closedate", "closedat", "outcomedate", "lostdate")),
            Map.entry(
                    ImportField.MARKETING_CONSENT,
                    Set.of(
                            "marketingconsent",
                            "consent",
                            "optin",
                            "emailoptin",
                            "marketingoptin",
                            "gdprconsent",
                            "acceptsmarketing",
                            "marketingpermission",
                            "consentimento",
                            "aceitamarketing",
                            "consentimiento")),
            Map.entry(
                    ImportField.OPTED_OUT,
                    Set.of(
                            "optedout",
                            "optout",
                            "emailoptout",
                            "hasoptedoutofemail",
                            "unsubscribed",
                            "donotcontact",
                            "donotemail",
                            "dnc",
                            "descadastrado"))));

    /** More "nothing" words a file may use beyond the built-in placeholders ({@code TBD}, {@code -}, {@code 0000}), at most this many. */
    public static final int MAX_EMPTY_VALUES = 50;

    public ColumnMapping {
        columns = List.copyOf(columns);
        stages = stages == null ? StageMapping.byWords() : stages;
        emptyValues = emptyValues == null
                ? Set.of()
                : emptyValues.stream()
                        .map(ColumnMapping::emptyKey)
                        .filter(v -> !v.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        if (emptyValues.size() > MAX_EMPTY_VALUES) {
            throw new Refusal(
                    "mapping.emptyValues",
                    "List at most " + MAX_EMPTY_VALUES + " values to read as empty.",
                    MAX_EMPTY_VALUES);
        }
        Set<ImportField> seen = EnumSet.noneOf(ImportField.class);
        for (Column column : columns) {
            if (column.field().single() && !seen.add(column.field())) {
                throw new Refusal(
                        "mapping.twice",
                        "Two columns are mapped to " + column.field().label() + "; map one.",
                        new Refusal.Word(
                                "import.field." + column.field().name(),
                                column.field().label()));
            }
        }
    }

    /** The columns, with a stage column's values read by their words. */
    public ColumnMapping(List<Column> columns) {
        this(columns, StageMapping.byWords());
    }

    public ColumnMapping(List<Column> columns, StageMapping stages) {
        this(columns, stages, Set.of());
    }

    public ColumnMapping withStages(StageMapping chosen) {
        return new ColumnMapping(columns, chosen, emptyValues);
    }

    public ColumnMapping withEmptyValues(Set<String> values) {
        return new ColumnMapping(columns, stages, values);
    }

    /** Whether a cleaned cell is one of this file's own words for "nothing" (compared ignoring case). */
    public boolean readsAsEmpty(String value) {
        return !emptyValues.isEmpty() && emptyValues.contains(emptyKey(value));
    }

    /** The values to read as empty as an admin types them: separated by commas or new lines. */
    public static Set<String> emptyValuesFrom(String typed) {
        if (typed == null || typed.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(typed.split("[,\\n]"))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String emptyKey(String value) {
        return CellText.visible(value).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A first mapping from the header names and the file's first rows: anything unrecognised is kept as a custom
     * attribute, and a date column gets the format its values fit ({@link DateFormat#guess}).
     */
    public static ColumnMapping guess(List<String> headers, List<List<String>> rows) {
        List<Column> columns = new ArrayList<>(guess(headers).columns());
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.field().isDate()) {
                DateFormat format = DateFormat.guess(values(rows, i))
                        .map(DateFormat.Guess::format)
                        .orElse(null);
                columns.set(i, new Column(column.header(), column.field(), format));
            }
        }
        return new ColumnMapping(columns);
    }

    /** The cells of one column of the rows (blank where a short row has none). */
    public static List<String> values(List<List<String>> rows, int column) {
        return rows.stream().map(r -> column < r.size() ? r.get(column) : "").toList();
    }

    /** A first mapping from the header names; anything unrecognised is kept as a custom attribute. */
    public static ColumnMapping guess(List<String> headers) {
        List<Column> columns = new ArrayList<>();
        Set<ImportField> taken = EnumSet.noneOf(ImportField.class);
        for (String header : uniqueHeaders(headers)) {
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
            if (FieldKey.of(header).isEmpty()) {
                field = ImportField.IGNORE;
            }
            columns.add(new Column(header, field));
        }
        // A rejected-rows file of Leadline's own, fixed and sent again: its last two columns say where and why.
        int n = columns.size();
        if (n >= 3
                && normalise(columns.get(n - 2).header()).equals("line")
                && normalise(columns.get(n - 1).header()).equals("reason")) {
            columns.set(n - 2, new Column(columns.get(n - 2).header(), ImportField.IGNORE));
            columns.set(n - 1, new Column(columns.get(n - 1).header(), ImportField.IGNORE));
        }
        return new ColumnMapping(columns);
    }

    /**
     * The headers as a person reads them (invisible characters gone, see {@link CellText#visible}), each one once: a
     * second {@code Email} (or {@code e-mail}, {@code E_Mail}: one {@link FieldKey}) becomes {@code Email (2)}, so two
     * columns never land on one custom attribute.
     */
    public static List<String> uniqueHeaders(List<String> headers) {
        List<String> unique = new ArrayList<>(headers.size());
        Set<String> seen = new HashSet<>();
        for (String raw : headers) {
            String header = CellText.visible(raw);
            String name = header;
            for (int n = 2; !seen.add(uniquenessKey(name)); n++) {
                name = header + " (" + n + ")";
            }
            unique.add(name);
        }
        return unique;
    }

    /** Two headers collide when they have one field key (or, with none, are the same text). */
    private static String uniquenessKey(String header) {
        String key = FieldKey.of(header);
        return key.isEmpty() ? header : key;
    }

    /** The column that feeds the field, if one does. */
    public Optional<Column> column(ImportField field) {
        int i = indexOf(field);
        return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
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

    /** A header as the synonyms are written: accents dropped ({@code País} is {@code pais}), lower case, letters and digits only. */
    static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String plain = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
