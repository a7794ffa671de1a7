package io.leadline.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.scoring.ReceiptLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountScoreTest {

    private static AccountMember member(long id, String name, String title, int fit, int engagement) {
        return new AccountMember(id, name, title, fit + engagement, engagement);
    }

    @Test
    void rolls_up_the_best_contact_the_engagement_of_the_others_and_committee_coverage() {
        var members = List.of(
                member(1, "Ana", "CTO", 55, 30),
                member(2, "Bo", "Director of IT", 25, 20),
                member(3, "Cy", "Analyst", 0, 12),
                member(4, "Di", "Intern", -30, 0));

        AccountScore account = AccountScore.rollUp(members, MqaPolicy.standard());

        assertThat(account.score()).isEqualTo(85 + 20 + 12 + 2 * 10);
        assertThat(account.engagedContacts()).isEqualTo(3);
        assertThat(account.rolesEngaged())
                .containsExactlyInAnyOrder(BuyingRole.EXECUTIVE, BuyingRole.DECISION_MAKER, BuyingRole.PRACTITIONER);
        assertThat(account.mqa()).isTrue();
        assertThat(account.receipt().stream().mapToInt(ReceiptLine::points).sum())
                .isEqualTo(account.score());
    }

    @Test
    void one_engaged_contact_is_not_an_mqa_however_high_the_score() {
        AccountScore account = AccountScore.rollUp(List.of(member(1, "Ana", "CEO", 90, 60)), MqaPolicy.standard());
        assertThat(account.score()).isEqualTo(150);
        assertThat(account.mqa()).isFalse();
    }

    @Test
    void an_account_without_contacts_scores_zero() {
        assertThat(AccountScore.rollUp(List.of(), MqaPolicy.standard()).score()).isZero();
    }

    @Test
    void buying_roles_come_from_the_title() {
        assertThat(BuyingRole.of("Chief Revenue Officer")).isEqualTo(BuyingRole.EXECUTIVE);
        assertThat(BuyingRole.of("VP, Sales")).isEqualTo(BuyingRole.DECISION_MAKER);
        assertThat(BuyingRole.of("Team Lead")).isEqualTo(BuyingRole.MANAGER);
        assertThat(BuyingRole.of("Accountant")).isEqualTo(BuyingRole.PRACTITIONER);
        assertThat(BuyingRole.of(" ")).isEqualTo(BuyingRole.UNKNOWN);
    }
}
