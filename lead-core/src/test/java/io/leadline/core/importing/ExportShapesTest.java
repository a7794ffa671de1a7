package io.leadline.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The headers real exports have, as their systems write them, and the fields Leadline guesses for them. */
class ExportShapesTest {

    private static List<ImportField> guess(String... headers) {
        return ColumnMapping.guess(List.of(headers)).columns().stream()
                .map(ColumnMapping.Column::field)
                .toList();
    }

    @Test
    void hubspot_contacts() {
        assertThat(guess(
                        "Record ID - Contact",
                        "First Name",
                        "Last Name",
                        "Email",
                        "Phone Number",
                        "Company Name",
                        "Job Title",
                        "Number of Employees",
                        "Country/Region",
                        "Original Source",
                        "Lifecycle Stage",
                        "Lead Status",
                        "Create Date"))
                .containsExactly(
                        ImportField.EXTERNAL_ID,
                        ImportField.FIRST_NAME,
                        ImportField.LAST_NAME,
                        ImportField.EMAIL,
                        ImportField.CUSTOM,
                        ImportField.COMPANY,
                        ImportField.JOB_TITLE,
                        ImportField.COMPANY_SIZE,
                        ImportField.COUNTRY,
                        ImportField.SOURCE,
                        ImportField.STAGE,
                        ImportField.CUSTOM,
                        ImportField.CREATED_AT);
    }

    /** The benchmark's messy file (bench/importing/Generator.java … messy), mapped as bench/importing/wizard.sh posts it. */
    @Test
    void the_import_benchmarks_messy_file() {
        List<String> headers = List.of(
                "First Name",
                "Last Name",
                "Email Address",
                "Company Name",
                "Job Title",
                "Number of Employees",
                "Country",
                "Lead Source",
                "Industry",
                "Create Date",
                "Lead Status");
        List<List<String>> rows = List.of(
                List.of(
                        "Ana",
                        "Souza",
                        "ana@acme.com",
                        "Acme Labs",
                        "CEO",
                        "40",
                        "Brazil",
                        "referral",
                        "retail",
                        "2/5/24 1:51",
                        "New"),
                List.of(
                        "Bruno",
                        "Lima",
                        "b@acme.com",
                        "Acme Labs",
                        "N/A",
                        "8",
                        "[not provided]",
                        "email",
                        "-",
                        "12/28/21 17:05",
                        "Working"));
        ColumnMapping mapping = ColumnMapping.guess(headers, rows);
        assertThat(mapping.columns().stream().map(ColumnMapping.Column::field).toList())
                .containsExactly(
                        ImportField.FIRST_NAME,
                        ImportField.LAST_NAME,
                        ImportField.EMAIL,
                        ImportField.COMPANY,
                        ImportField.JOB_TITLE,
                        ImportField.COMPANY_SIZE,
                        ImportField.COUNTRY,
                        ImportField.SOURCE,
                        ImportField.CUSTOM,
                        ImportField.CREATED_AT,
                        ImportField.STAGE);
        assertThat(mapping.columns().get(9).dateFormat()).isEqualTo(DateFormat.MONTH_FIRST);
        assertThat(List.of(
                                "New",
                                "Open",
                                "Working",
                                "Attempted to contact",
                                "MQL",
                                "Unqualified",
                                "Converted",
                                "Bad timing")
                        .stream()
                        .map(v -> mapping.stages().stageOf(v).map(Enum::name).orElse("IGNORE"))
                        .toList())
                .containsExactly("NEW", "NEW", "ACCEPTED", "ACCEPTED", "MQL", "DISQUALIFIED", "OPPORTUNITY", "IGNORE");
    }

    /** A Brazilian tool's export (RD Station-like), and a Spanish one: accents in headers are no obstacle. */
    @Test
    void portuguese_and_spanish_headers() {
        assertThat(guess(
                        "E-mail",
                        "Nome",
                        "Empresa",
                        "Cargo",
                        "Funcionários",
                        "País",
                        "Estado",
                        "Origem da primeira conversão",
                        "Data de criação",
                        "Situação"))
                .containsExactly(
                        ImportField.EMAIL,
                        ImportField.FULL_NAME,
                        ImportField.COMPANY,
                        ImportField.JOB_TITLE,
                        ImportField.COMPANY_SIZE,
                        ImportField.COUNTRY,
                        ImportField.CUSTOM,
                        ImportField.SOURCE,
                        ImportField.CREATED_AT,
                        ImportField.STAGE);
        assertThat(guess("Correo", "Nombre", "Apellido", "Empleados", "Fecha de creación"))
                .containsExactly(
                        ImportField.EMAIL,
                        ImportField.FULL_NAME,
                        ImportField.LAST_NAME,
                        ImportField.COMPANY_SIZE,
                        ImportField.CREATED_AT);
    }

    @Test
    void salesforce_leads() {
        assertThat(guess(
                        "Lead ID",
                        "First Name",
                        "Last Name",
                        "Title",
                        "Company",
                        "Email",
                        "Lead Source",
                        "Lead Status",
                        "Rating",
                        "No. of Employees",
                        "Country",
                        "Created Date"))
                .containsExactly(
                        ImportField.EXTERNAL_ID,
                        ImportField.FIRST_NAME,
                        ImportField.LAST_NAME,
                        ImportField.JOB_TITLE,
                        ImportField.COMPANY,
                        ImportField.EMAIL,
                        ImportField.SOURCE,
                        ImportField.STAGE,
                        ImportField.CUSTOM,
                        ImportField.COMPANY_SIZE,
                        ImportField.COUNTRY,
                        ImportField.CREATED_AT);
    }

    @Test
    void pipedrive_leads() {
        assertThat(guess(
                        "Person - Name",
                        "Person - Email - Work",
                        "Organization - Name",
                        "Person - Job title",
                        "Lead created",
                        "Source",
                        "Lead - Title"))
                .containsExactly(
                        ImportField.FULL_NAME,
                        ImportField.EMAIL,
                        ImportField.COMPANY,
                        ImportField.JOB_TITLE,
                        ImportField.CREATED_AT,
                        ImportField.SOURCE,
                        ImportField.CUSTOM);
    }

    @Test
    void zoho_leads() {
        assertThat(guess(
                        "Record Id",
                        "Lead Owner",
                        "First Name",
                        "Last Name",
                        "Company",
                        "Email",
                        "Lead Source",
                        "Lead Status",
                        "No. of Employees",
                        "Country",
                        "Created Time"))
                .containsExactly(
                        ImportField.EXTERNAL_ID,
                        ImportField.CUSTOM,
                        ImportField.FIRST_NAME,
                        ImportField.LAST_NAME,
                        ImportField.COMPANY,
                        ImportField.EMAIL,
                        ImportField.SOURCE,
                        ImportField.STAGE,
                        ImportField.COMPANY_SIZE,
                        ImportField.COUNTRY,
                        ImportField.CREATED_AT);
    }

    @Test
    void facebook_lead_ads() {
        assertThat(guess(
                        "id",
                        "created_time",
                        "ad_name",
                        "campaign_name",
                        "form_name",
                        "platform",
                        "full_name",
                        "email",
                        "phone_number",
                        "company_name",
                        "job_title",
                        "country"))
                .containsExactly(
                        ImportField.EXTERNAL_ID,
                        ImportField.CREATED_AT,
                        ImportField.CUSTOM,
                        ImportField.CUSTOM,
                        ImportField.CUSTOM,
                        ImportField.CUSTOM,
                        ImportField.FULL_NAME,
                        ImportField.EMAIL,
                        ImportField.CUSTOM,
                        ImportField.COMPANY,
                        ImportField.JOB_TITLE,
                        ImportField.COUNTRY);
        assertThat(guess("lead_id", "full_name", "email")).startsWith(ImportField.EXTERNAL_ID);
    }

    @Test
    void linkedin_lead_gen_forms() {
        assertThat(guess(
                        "First Name",
                        "Last Name",
                        "Email Address",
                        "Company Name",
                        "Job Title",
                        "Country/Region",
                        "Company Size",
                        "Submitted At"))
                .containsExactly(
                        ImportField.FIRST_NAME,
                        ImportField.LAST_NAME,
                        ImportField.EMAIL,
                        ImportField.COMPANY,
                        ImportField.JOB_TITLE,
                        ImportField.COUNTRY,
                        ImportField.COMPANY_SIZE,
                        ImportField.CREATED_AT);
    }

    @Test
    void a_status_column_feeds_the_stage_not_the_outcome() {
        assertThat(guess("Email", "Status")).containsExactly(ImportField.EMAIL, ImportField.STAGE);
    }

    @Test
    void headers_are_made_unique_and_visible() {
        assertThat(ColumnMapping.uniqueHeaders(List.of("\ufeffEmail", "Phone", "Email", "phone", "Email")))
                .containsExactly("Email", "Phone", "Email (2)", "phone (2)", "Email (3)");
        assertThat(guess("Email", "Email")).containsExactly(ImportField.EMAIL, ImportField.CUSTOM);
    }
}
