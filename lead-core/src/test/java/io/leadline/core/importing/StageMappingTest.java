package io.leadline.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.IllegalStageChangeException;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.lead.StageWords;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageMappingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "Converted, OPPORTUNITY",
        "Closed - Converted, OPPORTUNITY",
        "Closed Won, WON",
        "closed_won, WON",
        "Qualified, SQL",
        "salesqualifiedlead, SQL",
        "Working - Contacted, ACCEPTED",
        "Open - Not Contacted, NEW",
        "Unqualified, DISQUALIFIED",
        "Junk, DISQUALIFIED",
        "Closed - Not Converted, DISQUALIFIED",
        "MQL, MQL",
        "Marketing Qualified Lead, MQL",
        "Customer, WON",
        "Nurture, RECYCLED",
        "Lost, LOST",
        "Lead, NEW"
    })
    void common_crm_words_mean_their_stage(String word, LifecycleStage stage) {
        assertThat(StageWords.stageOf(word)).contains(stage);
    }

    @Test
    void a_choice_beats_the_words_an_ignored_value_has_no_stage_and_an_unknown_one_neither() {
        var mapping = new StageMapping(
                Map.of("Ringing", LifecycleStage.ACCEPTED, "working", LifecycleStage.MQL), Set.of("Junk"));
        assertThat(mapping.stageOf("RINGING")).contains(LifecycleStage.ACCEPTED);
        assertThat(mapping.stageOf("Working")).contains(LifecycleStage.MQL);
        assertThat(mapping.stageOf("junk")).isEmpty();
        assertThat(mapping.ignores("JUNK")).isTrue();
        assertThat(mapping.stageOf("Revert later")).isEmpty();
        assertThat(mapping.ignores("Revert later")).isFalse();
    }

    @Test
    void a_status_column_is_guessed_as_the_stage_and_its_value_is_kept_as_text_too() {
        var mapping = ColumnMapping.guess(List.of("Email", "Lead Status"));
        assertThat(mapping.column(ImportField.STAGE))
                .map(ColumnMapping.Column::header)
                .contains("Lead Status");

        var row = (LeadRow.Accepted) LeadRow.read(List.of("a@acme.com", "Closed Won"), mapping, NOW);
        assertThat(row.stage()).isEqualTo(LifecycleStage.WON);
        assertThat(row.profile().attributes()).containsEntry("lead_status", "Closed Won");

        var unknown = (LeadRow.Accepted) LeadRow.read(List.of("b@acme.com", "Ringing"), mapping, NOW);
        assertThat(unknown.stage()).isNull();
        assertThat(unknown.warnings())
                .containsExactly(
                        "stage \"Ringing\" is not mapped to a lifecycle stage: the stage comes from the score");
    }

    @Test
    void an_outcome_column_in_a_lead_file_closes_the_lead() {
        var mapping = new ColumnMapping(List.of(
                new ColumnMapping.Column("Email", ImportField.EMAIL),
                new ColumnMapping.Column("Result", ImportField.OUTCOME)));
        assertThat(((LeadRow.Accepted) LeadRow.read(List.of("a@acme.com", "won"), mapping, NOW)).stage())
                .isEqualTo(LifecycleStage.WON);
        assertThat(((LeadRow.Accepted) LeadRow.read(List.of("a@acme.com", "Closed Lost"), mapping, NOW)).stage())
                .isEqualTo(LifecycleStage.LOST);
        var odd = (LeadRow.Accepted) LeadRow.read(List.of("a@acme.com", "maybe"), mapping, NOW);
        assertThat(odd.stage()).isNull();
        assertThat(odd.warnings()).containsExactly("outcome \"maybe\" is neither won nor lost: left out");
    }

    @Test
    void an_imported_stage_is_recorded_as_imported_and_never_reopens_a_closed_lead() {
        Lead lead = Lead.capture(
                new LeadProfile("Ana", new EmailAddress("a@acme.com"), null, null, null, null, null, null), NOW);
        var moved = lead.importStage(LifecycleStage.SQL, "Qualified", NOW).orElseThrow();
        assertThat(moved.lead().stage()).isEqualTo(LifecycleStage.SQL);
        assertThat(moved.change().actor()).isEqualTo(Lead.IMPORT);
        assertThat(moved.change().reason()).isEqualTo("imported as \"Qualified\"");
        assertThat(moved.lead().importStage(LifecycleStage.SQL, null, NOW)).isEmpty();

        Lead won = moved.lead()
                .importStage(LifecycleStage.WON, null, NOW)
                .orElseThrow()
                .lead();
        assertThatThrownBy(() -> won.importStage(LifecycleStage.NEW, null, NOW))
                .isInstanceOf(IllegalStageChangeException.class);
    }
}
