package io.leadline.core.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.LifecycleStage;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.generators.SourceDSL;

class MergePlanTest {

    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    private static Lead lead(
            long id,
            String name,
            String email,
            String company,
            LifecycleStage stage,
            String owner,
            Instant created,
            Map<String, String> attributes) {
        return new Lead(
                id,
                0L,
                null,
                new LeadProfile(
                        name,
                        email == null ? null : new EmailAddress(email),
                        company,
                        null,
                        null,
                        "BR",
                        null,
                        attributes),
                stage,
                owner,
                null,
                created);
    }

    private final Lead work = lead(
            1,
            "Mariana Teixeira",
            "mariana@ceramica.com.br",
            "Cerâmica Paraná",
            LifecycleStage.MQL,
            "rita",
            MONDAY.plusSeconds(3600),
            Map.of("phone", "+55 11 98765-4321"));
    private final Lead privateOne = lead(
            2,
            "Mariana Teixera",
            "mari.teixeira@gmail.com",
            null,
            LifecycleStage.NEW,
            null,
            MONDAY,
            Map.of("phone", "(11) 98765-4321", "budget", "50k"));

    @Test
    void the_lead_further_along_survives_and_blanks_are_filled_from_the_other() {
        MergePlan plan = MergePlan.suggested(privateOne, work);
        assertThat(plan.survivor()).isEqualTo(work);
        assertThat(plan.defaultFromMerged()).containsExactly("budget");

        Lead merged = plan.result(plan.defaultFromMerged());
        assertThat(merged.id()).isEqualTo(1L);
        assertThat(merged.stage()).isEqualTo(LifecycleStage.MQL);
        assertThat(merged.owner()).isEqualTo("rita");
        assertThat(merged.profile().fullName()).isEqualTo("Mariana Teixeira");
        assertThat(merged.profile().attributes())
                .containsEntry("budget", "50k")
                .containsEntry("phone", "+55 11 98765-4321")
                .containsEntry(MergePlan.OTHER_EMAILS, "mari.teixeira@gmail.com");
        assertThat(merged.createdAt())
                .as("first seen when the older record was")
                .isEqualTo(MONDAY);
    }

    @Test
    void a_field_chosen_from_the_merged_lead_is_taken_and_the_survivors_address_is_kept_aside() {
        MergePlan plan = new MergePlan(work, privateOne);
        Lead merged = plan.result(Set.of("email", "full_name"));
        assertThat(merged.profile().email().value()).isEqualTo("mari.teixeira@gmail.com");
        assertThat(merged.profile().fullName()).isEqualTo("Mariana Teixera");
        assertThat(merged.profile().company()).isEqualTo("Cerâmica Paraná");
        assertThat(merged.profile().attributes())
                .containsEntry(MergePlan.OTHER_EMAILS, "mariana@ceramica.com.br")
                .doesNotContainKey("budget");
        assertThat(plan.taken(Set.of("email", "full_name", "country"))).containsExactly("full_name", "email");
    }

    @Test
    void leads_of_two_reps_need_an_admin_and_a_lead_is_never_merged_into_itself() {
        Lead other =
                lead(3, "M. Teixeira", "m@ceramica.com.br", null, LifecycleStage.ACCEPTED, "joao", MONDAY, Map.of());
        assertThat(new MergePlan(work, other).needsAdmin()).isTrue();
        assertThat(new MergePlan(work, privateOne).needsAdmin()).isFalse();
        assertThatThrownBy(() -> new MergePlan(work, work)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatever_is_chosen_every_value_of_the_result_came_from_one_of_the_two() {
        List<String> keys = new MergePlan(work, privateOne)
                .fields().stream().map(MergePlan.FieldChoice::key).toList();
        QuickTheory.qt()
                .withExamples(500)
                .forAll(
                        SourceDSL.lists().of(SourceDSL.booleans().all()).ofSize(keys.size()),
                        SourceDSL.booleans().all())
                .checkAssert((picks, swap) -> {
                    MergePlan plan = swap ? new MergePlan(privateOne, work) : new MergePlan(work, privateOne);
                    Set<String> chosen = new HashSet<>();
                    for (int i = 0; i < keys.size(); i++) {
                        if (picks.get(i)) {
                            chosen.add(keys.get(i));
                        }
                    }
                    Lead result = plan.result(chosen);
                    for (MergePlan.FieldChoice field : plan.fields()) {
                        String expected = chosen.contains(field.key()) ? field.mergedValue() : field.survivorValue();
                        String actual = new MergePlan(result, plan.merged())
                                .fields().stream()
                                        .filter(f -> f.key().equals(field.key()))
                                        .findFirst()
                                        .map(MergePlan.FieldChoice::survivorValue)
                                        .orElse(null);
                        assertThat(actual).as(field.key()).isEqualTo(expected);
                    }
                    assertThat(result.id()).isEqualTo(plan.survivor().id());
                    assertThat(result.stage()).isEqualTo(plan.survivor().stage());
                });
    }
}
