package io.leadline.persistence.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.scoring.LeadCondition;
import io.leadline.core.scoring.RescoreScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The leads a bounded model change reads are exactly those lead-core's conditions select, on generated leads (titles,
 * sizes, countries, custom answers, emails, blanks), plus those with an activity of a changed type. (Where SQL selects
 * on its own, an email ending like a domain without being in it, {@code notgmail.com}, would be read too; rescoring
 * it writes nothing. The generated emails have none.)
 */
@SpringBootTest
class LeadsInScopeTest {

    private static final List<String> TITLES =
            List.of("CEO", "VP Sales", "Head of Growth", "Analyst", "sales manager", "");
    private static final List<String> COUNTRIES = List.of("BR", "PT", "US", "");
    private static final List<String> INDUSTRIES = List.of("Retail", "retail ", "Health", "");
    private static final List<ActivityType> TYPES =
            List.of(ActivityType.DEMO_REQUEST, ActivityType.EMAIL_OPEN, ActivityType.PRICING_PAGE_VISIT);

    @Autowired
    LeadsInScope leadsInScope;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void the_leads_read_are_those_the_java_conditions_select_and_those_with_the_activity(long seed) {
        Random random = new Random(seed);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<Long, LeadProfile> generated = new HashMap<>();
        Set<Long> withDemo = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String title = pick(random, TITLES);
            Integer size = random.nextInt(4) == 0 ? null : random.nextInt(3000);
            String country = pick(random, COUNTRIES);
            String industry = pick(random, INDUSTRIES);
            String company = random.nextInt(5) == 0 ? null : "Acme";
            String email = "g" + i + "-" + tag + "@" + (random.nextBoolean() ? "gmail.com" : "acme.com");
            long id = jdbc.sql("""
                            insert into lead (id, version, full_name, email, company, job_title, company_size, country, source,
                                              stage, created_at, updated_at, attributes)
                            values (nextval('lead_seq'), 0, 'Gen', ?, ?, ?, ?, ?, 'email', 'NEW', now(), now(), ?::jsonb) returning id""")
                    .params(
                            email,
                            company,
                            blank(title),
                            size,
                            blank(country),
                            industry.isEmpty() ? "{}" : "{\"industry\": \"" + industry + "\"}")
                    .query(Long.class)
                    .single();
            generated.put(
                    id,
                    new LeadProfile(
                            "Gen",
                            new EmailAddress(email),
                            company,
                            blank(title),
                            size,
                            blank(country),
                            "email",
                            industry.isEmpty() ? Map.of() : Map.of("industry", industry)));
            if (random.nextInt(6) == 0) {
                ActivityType type = pick(random, TYPES);
                jdbc.sql("insert into activity (lead_id, type, occurred_at) values (?, ?, now())")
                        .params(id, type.key())
                        .update();
                if (type.equals(ActivityType.DEMO_REQUEST)) {
                    withDemo.add(id);
                }
            }
        }
        List<LeadCondition> conditions = new ArrayList<>(List.of(
                new LeadCondition.Missing("company"),
                new LeadCondition.Contains("job_title", List.of("vp", "head")),
                new LeadCondition.NumericRange("company_size", 100L, 999L),
                new LeadCondition.OneOf("industry", Set.of("retail")),
                new LeadCondition.EmailDomain(Set.of("gmail.com")),
                new LeadCondition.OneOf("country", Set.of("BR"))));
        // Pairs of conditions; the last pair is one the SQL test selects on its own (LeadsInScope.tight).
        int[][] pairs = {{0, 1}, {2, 3}, {4, 5}, {2, 4}};
        int[] pair = pairs[(int) seed - 1];
        var scope = new RescoreScope.Bounded(
                Set.of(conditions.get(pair[0]), conditions.get(pair[1])), Set.of(ActivityType.DEMO_REQUEST));

        Set<Long> expected = new HashSet<>(withDemo);
        generated.forEach((id, profile) -> {
            if (scope.meetsACondition(profile)) {
                expected.add(id);
            }
        });
        Set<Long> read = new HashSet<>();
        for (long id : leadsInScope.of(scope)) {
            if (generated.containsKey(id)) {
                read.add(id);
            }
        }
        assertThat(LeadsInScope.tight(scope.conditions())).isEqualTo(seed == 4);
        assertThat(read).isEqualTo(expected);
        assertThat(expected).as("the generated leads exercise the conditions").hasSizeBetween(20, 190);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String blank(String value) {
        return value.isEmpty() ? null : value;
    }
}
