package io.leadline.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadRowTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final ColumnMapping hubspotLike = ColumnMapping.guess(List.of(
            "First Name",
            "Last Name",
            "E-mail",
            "Company Name",
            "Job Title",
            "Number of Employees",
            "Country",
            "Lead Source",
            "Industry"));

    private LeadRow read(String... cells) {
        return LeadRow.read(List.of(cells), hubspotLike, NOW);
    }

    @Test
    void headers_from_crm_exports_are_guessed_and_unknown_ones_kept_as_custom() {
        assertThat(hubspotLike.columns())
                .extracting(ColumnMapping.Column::field)
                .containsExactly(
                        ImportField.FIRST_NAME,
                        ImportField.LAST_NAME,
                        ImportField.EMAIL,
                        ImportField.COMPANY,
                        ImportField.JOB_TITLE,
                        ImportField.COMPANY_SIZE,
                        ImportField.COUNTRY,
                        ImportField.SOURCE,
                        ImportField.CUSTOM);
        assertThat(ColumnMapping.guess(List.of("mql_id", "first_contact_date", "landing_page_id", "origin"))
                        .columns())
                .extracting(ColumnMapping.Column::field)
                .containsExactly(
                        ImportField.EXTERNAL_ID, ImportField.CREATED_AT, ImportField.CUSTOM, ImportField.SOURCE);
        assertThat(ColumnMapping.guess(List.of("Email Address", "email")).columns())
                .extracting(ColumnMapping.Column::field)
                .containsExactly(ImportField.EMAIL, ImportField.CUSTOM);
    }

    @Test
    void a_mapping_cannot_feed_one_field_from_two_columns_and_needs_a_key() {
        assertThatThrownBy(() -> new ColumnMapping(List.of(
                        new ColumnMapping.Column("a", ImportField.EMAIL),
                        new ColumnMapping.Column("b", ImportField.EMAIL))))
                .hasMessageContaining("Two columns are mapped to Email");
        assertThat(ColumnMapping.guess(List.of("Name", "Company")).problemsForLeads())
                .containsExactly("Map a column to Email or to External id: Leadline needs one to tell leads apart.");
    }

    @Test
    void control_characters_are_removed_with_a_warning_naming_the_columns() {
        var row = (LeadRow.Accepted)
                read("A\u0000na", "Souza", "ana@acme.com", "Ac\u0007me", "CTO", "10", "BR", "x", "ok");
        assertThat(row.profile().fullName()).isEqualTo("Ana Souza");
        assertThat(row.profile().company()).isEqualTo("Acme");
        assertThat(row.warnings())
                .containsExactly("control characters (such as NUL) removed from First Name, Company Name");

        var clean = (LeadRow.Accepted) read("Ana", "Souza", "ana@acme.com", "Acme\u200b", "CTO", "10", "BR", "x", "ok");
        assertThat(clean.warnings())
                .as("an invisible space is no control character")
                .isEmpty();
    }

    @Test
    void a_good_row_is_normalised() {
        var row = (LeadRow.Accepted) read(
                " Ana ", "Souza", " Ana.Souza@ACME.com ", "Acme", "CTO", "1,200", "Brasil", "paid_search", "Health");

        assertThat(row.profile().fullName()).isEqualTo("Ana Souza");
        assertThat(row.profile().email().value()).isEqualTo("ana.souza@acme.com");
        assertThat(row.profile().companySize()).isEqualTo(1200);
        assertThat(row.profile().country()).isEqualTo("BR");
        assertThat(row.profile().attributes()).containsEntry("industry", "Health");
        assertThat(row.createdAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ana@acme|\"ana@acme\" is not a valid email address",
                "ana@acme.com|company size \"lots\" is not a number of employees"
            })
    void bad_rows_are_rejected_with_a_reason(String email, String reason) {
        String size = email.equals("ana@acme.com") ? "lots" : "10";
        assertThat(read("Ana", "S", email, "Acme", "CTO", size, "BR", "x", "")).isEqualTo(new LeadRow.Rejected(reason));
    }

    @Test
    void ragged_rows_are_read_when_nothing_shifts_and_missing_keys_are_rejected() {
        assertThat(LeadRow.read(
                        List.of("Ana", "S", "ana@acme.com", "Acme", "CTO", "10", "BR", "x", "", "surplus"),
                        hubspotLike,
                        NOW))
                .isEqualTo(new LeadRow.Rejected(
                        "the row has 10 cells but the header has 9: a value holds the separator without "
                                + "quotes, so its cells would land in the wrong columns"));
        // An empty extra cell may be a shifted empty last column: refused too.
        assertThat(LeadRow.read(
                        List.of("Ana", "S", "ana@acme.com", "Acme", "CTO", "10", "BR", "x", "", ""), hubspotLike, NOW))
                .isInstanceOf(LeadRow.Rejected.class);
        assertThat(LeadRow.read(List.of("Ana", "S", "ana@acme.com"), hubspotLike, NOW))
                .isInstanceOfSatisfying(
                        LeadRow.Accepted.class,
                        a -> assertThat(a.warnings())
                                .containsExactly(
                                        "the row has 3 cells but the header has 9: the last 6 columns are read as empty"));
        assertThat(read("Ana", "S", "", "Acme", "CTO", "10", "BR", "x", ""))
                .isEqualTo(new LeadRow.Rejected("the row has neither an email nor an external id"));
        assertThat(read("A".repeat(201), "S", "ana@acme.com", "Acme", "CTO", "10", "BR", "x", ""))
                .isEqualTo(new LeadRow.Rejected("First name is longer than 200 characters"));
    }

    @Test
    void an_unknown_country_is_left_blank_with_a_warning_and_the_lead_kept() {
        var row = (LeadRow.Accepted) read("Ana", "S", "ana@acme.com", "Acme", "CTO", "10", "Atlantis", "x", "");

        assertThat(row.profile().country()).isNull();
        assertThat(row.warnings()).containsExactly("country \"Atlantis\" is not a country Leadline knows: left blank");
    }

    @Test
    void a_bad_email_costs_the_lead_only_when_it_is_the_only_key() {
        ColumnMapping withId = ColumnMapping.guess(List.of("Record ID", "Email", "Country"));

        var kept = (LeadRow.Accepted) LeadRow.read(List.of("1001", "ana@acme", "BR"), withId, NOW);
        assertThat(kept.externalId()).isEqualTo("1001");
        assertThat(kept.profile().email()).isNull();
        assertThat(kept.warnings()).containsExactly("\"ana@acme\" is not a valid email address: left blank");
        assertThat(LeadRow.read(List.of("", "ana@acme", "BR"), withId, NOW))
                .isEqualTo(new LeadRow.Rejected("\"ana@acme\" is not a valid email address"));
    }

    @Test
    void an_email_in_a_name_column_is_no_name() {
        ColumnMapping mapping = ColumnMapping.guess(List.of("First Name", "Last Name", "Email", "Record ID"));

        var asEmail = (LeadRow.Accepted) LeadRow.read(List.of("ana@acme.com", "Souza", "", "7"), mapping, NOW);
        assertThat(asEmail.profile().email().value()).isEqualTo("ana@acme.com");
        assertThat(asEmail.profile().fullName()).isEqualTo("Souza");
        assertThat(asEmail.warnings())
                .containsExactly("First name \"ana@acme.com\" is an email address: taken as the email");

        var dropped =
                (LeadRow.Accepted) LeadRow.read(List.of("Ana", "ana@acme.com", "ana@acme.com", "7"), mapping, NOW);
        assertThat(dropped.profile().fullName()).isEqualTo("Ana");
        assertThat(dropped.warnings())
                .containsExactly("Last name \"ana@acme.com\" is an email address, not a name: left blank");
    }

    @Test
    void placeholders_and_invisible_characters_are_nothing() {
        var row = (LeadRow.Accepted)
                read("null", "[not provided]", "ana@acme.com", "N/A", "Select", "-", "unknown", "(blank)", "\u200b");

        assertThat(row.profile().fullName()).isNull();
        assertThat(row.profile().company()).isNull();
        assertThat(row.profile().jobTitle()).isNull();
        assertThat(row.profile().companySize()).isNull();
        assertThat(row.profile().country()).isNull();
        assertThat(row.profile().source()).isNull();
        assertThat(row.profile().attributes()).isEmpty();
        assertThat(row.warnings()).isEmpty();

        var spaced = (LeadRow.Accepted) read(
                "Ana\u00a0Maria\u200b", " Souza\u0000", "ana@acme.com", "Acme\u00a0 Ltda", "CTO", "10", "BR", "x", "");
        assertThat(spaced.profile().fullName()).isEqualTo("Ana Maria Souza");
        assertThat(spaced.profile().company()).as("a run of spaces is one").isEqualTo("Acme Ltda");
    }

    @ParameterizedTest
    @CsvSource({"1200,1200", "'1,200',1200", "1.200,1200", "1 200,1200", "500+,500", "50-199,50", "0,0"})
    void company_sizes_as_people_write_them(String typed, int size) {
        var row = (LeadRow.Accepted) read("Ana", "S", "ana@acme.com", "Acme", "CTO", typed, "BR", "x", "");
        assertThat(row.profile().companySize()).isEqualTo(size);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Brazil|BR",
                "BRA|BR",
                "br|BR",
                "Brasil|BR",
                "United States|US",
                "USA|US",
                "U.S.A.|US",
                "Deutschland|DE",
                "Côte d'Ivoire|CI",
                "uk|GB",
                "United Kingdom|GB",
                "Hong Kong|HK",
                "Korea, Republic of|KR",
                "South Korea|KR",
                "Russian Federation|RU",
                "Viet Nam|VN",
                "Vietnam|VN",
                "Türkiye|TR",
                "Turkey|TR",
                "Taiwan, Province of China|TW",
                "Iran, Islamic Republic of|IR",
                "UAE|AE",
                "Czech Republic|CZ",
                "México|MX"
            })
    void countries_become_iso_codes(String typed, String code) {
        assertThat(Countries.isoCode(typed)).contains(code);
    }

    @ParameterizedTest
    @CsvSource({
        "01-02-2018,2018-02-01T00:00:00Z",
        "2018-02-01,2018-02-01T00:00:00Z",
        "01/02/2018,2018-02-01T00:00:00Z",
        "14-06-2018 15:28,2018-06-14T15:28:00Z",
        "2018-06-14T15:28:00Z,2018-06-14T15:28:00Z",
        "2018-06-14 15:28:07,2018-06-14T15:28:07Z",
        "01.02.2018,2018-02-01T00:00:00Z"
    })
    void dates_in_the_formats_exports_use(String typed, String instant) {
        assertThat(ImportDates.parse(typed)).contains(Instant.parse(instant));
    }

    @Test
    void a_date_nobody_can_read_is_a_reason() {
        assertThat(ImportDates.parse("next tuesday")).isEmpty();
        assertThat(ImportDates.parse("31-02-2018")).isEmpty();
    }

    @Test
    void counts_must_account_for_every_row() {
        assertThat(new ImportCounts(10, 5, 2, 1, 2).rowsRead()).isEqualTo(10);
        assertThatThrownBy(() -> new ImportCounts(10, 5, 2, 1, 1)).hasMessageContaining("rows unaccounted for");
    }
}
