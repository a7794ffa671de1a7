package io.leadline.persistence.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.privacy.PersonalData;
import io.leadline.core.tracking.HitKind;
import io.leadline.core.tracking.SiteOrigins;
import io.leadline.core.tracking.TrackedSites;
import io.leadline.core.tracking.WebsiteHits;
import io.leadline.core.tracking.WebsiteHits.Hit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class PersonalDataTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    PersonalData personalData;

    @Autowired
    Leads leads;

    @Autowired
    WebsiteHits hits;

    @Autowired
    TrackedSites sites;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String email = "mariana." + tag + "@ceramica.com.br";
    private final String privateEmail = "mari" + tag + "@gmail.com";
    private final String name = "Mariana Teixeira " + tag;
    private final String phone = "+55 11 9" + tag.hashCode();

    /** The person in every place Leadline keeps something about a lead. */
    private long[] seed() throws Exception {
        long lead = leads.save(Lead.capture(
                        new LeadProfile(
                                name,
                                new EmailAddress(email),
                                "Cerâmica",
                                null,
                                null,
                                "BR",
                                null,
                                Map.of("phone", phone, "other_emails", privateEmail)),
                        NOW))
                .id();
        long stranger = leads.save(Lead.capture(
                        new LeadProfile(
                                "Someone Else " + tag,
                                new EmailAddress("else" + tag + "@x.com"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        NOW))
                .id();
        jdbc.sql("insert into activity (lead_id, type, occurred_at, detail) values (?, 'FORM_SUBMISSION', ?, ?)")
                .params(lead, Timestamp.from(NOW), "form by " + email)
                .update();
        jdbc.sql(
                        "insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at) values (?, 'NEW', 'MQL', 'system', ?, ?)")
                .params(lead, "called " + name, Timestamp.from(NOW))
                .update();
        jdbc.sql(
                        "insert into bant_answer (lead_id, criterion, status, evidence, answered_by, answered_at) values (?, 'NEED', 'MET', ?, 'rita', ?)")
                .params(lead, name + " needs it", Timestamp.from(NOW))
                .update();
        hits.prepareMonths(NOW);
        long site = sites.add(
                new TrackedSites.NewSite(
                        "Site", SiteOrigins.parse("https://www.example.com").origins(), false, true),
                "site_" + tag,
                "secret",
                "admin",
                NOW);
        UUID visitor = UUID.randomUUID();
        hits.store(List.of(new Hit(
                site,
                visitor,
                NOW,
                HitKind.PAGE_VIEW,
                "pv1",
                "https://www.example.com/pricing?e=" + email,
                "Pricing",
                null,
                null,
                null,
                null,
                null,
                null)));
        hits.stitch(site, visitor, lead, NOW);
        jdbc.sql("insert into app_user (username, password_hash, role) values (?, 'x', 'SALES') on conflict do nothing")
                .param("rep" + tag)
                .update();
        jdbc.sql("insert into inbox_item (username, kind, lead_id, text, at, key) values (?, 'ASSIGNED', ?, ?, ?, ?)")
                .params("rep" + tag, lead, name + " is yours", Timestamp.from(NOW), "k" + tag)
                .update();
        long endpoint = jdbc.sql("insert into webhook_endpoint (url, events, secret, created_by, created_at) values "
                        + "('https://crm.example.com/hook', '{lead.mql}', 's', 'admin', now()) returning id")
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into webhook_delivery (endpoint_id, event_id, event, lead_id, body, created_at, next_attempt_at) values (?, ?, 'lead.mql', ?, ?, now(), now())")
                .params(endpoint, "e" + tag, lead, "{\"email\":\"" + email + "\"}")
                .update();
        long token = jdbc.sql(
                        "insert into api_token (name, role, token_hash, token_prefix, created_by, created_at) values (?, 'MARKETER', ?, 'llt_x', 'admin', now()) returning id")
                .params("t" + tag, (tag + tag + tag + tag + tag + tag + tag + tag).substring(0, 64))
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into api_request (token_id, idempotency_key, request_hash, status, response_body, created_at) values (?, ?, ?, 201, ?, now())")
                .params(token, "idem" + tag, "0".repeat(64), "{\"fullName\":\"" + name + "\"}")
                .update();
        Path upload = Files.createTempFile("upload", ".csv");
        Files.writeString(upload, "email\n" + email + "\n");
        long job = jdbc.sql(
                        "insert into import_job (kind, file_name, stored_file, requested_by, requested_at, dry_run, duplicate_policy, status) "
                                + "values ('LEADS', 'hubspot.csv', ?, 'mia', now(), false, 'SKIP', 'DONE') returning id")
                .param(upload.toString())
                .query(Long.class)
                .single();
        jdbc.sql("insert into import_rejection (job_id, row_number, raw, reason) values (?, 2, ?, 'no date')")
                .params(job, privateEmail + ",03/05/2024")
                .update();
        jdbc.sql(
                        "insert into audit_event (at, actor, action, target, detail) values (now(), 'mia', 'LEAD_MERGED', ?, ?)")
                .params("lead " + lead, "lead 9 (" + name + ", New) merged into it")
                .update();
        jdbc.sql(
                        "insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date) "
                                + "values (?, 'l', 'LeadAssigned', ?, now(), now())")
                .params(UUID.randomUUID(), "{\"displayName\":\"" + name + "\"}")
                .update();
        return new long[] {lead, stranger, job};
    }

    @Test
    void a_person_is_found_by_any_of_their_addresses_and_exported_section_by_section() throws Exception {
        long[] ids = seed();
        PersonalData.Person person = personalData.find(new EmailAddress("mari" + tag + "@gmail.com"));
        assertThat(person.leadIds()).containsExactly(ids[0]);
        assertThat(person.identifiers()).contains(email, privateEmail, name, phone);
        assertThat(personalData
                        .find(new EmailAddress("mariana." + tag + "+crm@ceramica.com.br"))
                        .leadIds())
                .as("a +tag is the same mailbox")
                .containsExactly(ids[0]);

        var export = personalData.export(person);
        assertThat(export.get("profile"))
                .singleElement()
                .satisfies(p -> assertThat(p).containsEntry("email", email));
        assertThat(export.get("activities"))
                .singleElement()
                .satisfies(a -> assertThat(a).containsEntry("detail", "form by " + email));
        assertThat(export.get("website_visits"))
                .singleElement()
                .satisfies(v -> assertThat(v.get("url").toString()).contains("/pricing"));
        assertThat(export.get("stage_history")).hasSize(1);
        assertThat(export.get("bant_answers")).hasSize(1);
        assertThat(export.get("rejected_import_rows")).hasSize(1);
        assertThat(export.get("webhook_deliveries")).hasSize(1);
        assertThat(export.get("audit_entries")).hasSize(1);
    }

    @Test
    void after_an_erasure_no_text_column_of_any_table_holds_the_persons_address_name_or_phone() throws Exception {
        long[] ids = seed();
        String upload = jdbc.sql("select stored_file from import_job where id = ?")
                .param(ids[2])
                .query(String.class)
                .single();
        PersonalData.Person person = personalData.find(new EmailAddress(email));

        PersonalData.Erasure erasure = personalData.erase(person, "ada", NOW);

        assertThat(erasure.removed())
                .containsEntry("lead", 1L)
                .containsEntry("tracking_hit", 1L)
                .containsEntry("import_rejection", 1L)
                .containsEntry("stored uploads", 1L);
        assertThat(Files.exists(Path.of(upload))).isFalse();
        assertThat(leads.byId(ids[0])).isEmpty();
        assertThat(leads.byId(ids[1])).as("nobody else is touched").isPresent();
        assertThat(jdbc.sql("select detail from audit_event where target = ?")
                        .param("lead " + ids[0])
                        .query(String.class)
                        .single())
                .isEqualTo("lead 9 (" + PersonalData.TOMBSTONE + ", New) merged into it");
        assertThat(everywhere(email, privateEmail, name, phone))
                .as("rows still naming the person")
                .isEmpty();
        assertThat(personalData.latestErasures(5))
                .extracting(PersonalData.Erasure::id)
                .contains(erasure.id());
        assertThat(jdbc.sql("select removed::text || erased_by from erasure where id = ?")
                        .param(erasure.id())
                        .query(String.class)
                        .single())
                .doesNotContain(tag);
    }

    /** Every text, varchar, jsonb and array column of every table, searched for the values (case aside). */
    private List<String> everywhere(String... values) {
        List<String> found = new ArrayList<>();
        String[] patterns = Arrays.stream(values).map(v -> "%" + v + "%").toArray(String[]::new);
        jdbc.sql("""
                        select c.table_name, c.column_name from information_schema.columns c
                          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                         where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                           and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')""")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(column -> {
                    long n = jdbc.sql("select count(*) from \"" + column.get(0) + "\" where \"" + column.get(1)
                                    + "\"::text ilike any(?)")
                            .param(patterns)
                            .query(Long.class)
                            .single();
                    if (n > 0) {
                        found.add(column.get(0) + "." + column.get(1) + " (" + n + ")");
                    }
                });
        return found;
    }
}
