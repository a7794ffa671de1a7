package io.leadline.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.scoring.FitGrade;
import io.leadline.core.scoring.MqlThreshold;
import io.leadline.core.scoring.ReceiptLine;
import io.leadline.core.scoring.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountScoreTest {

    private static Score score(int fit, int engagement) {
        return new Score(1, fit, engagement, fit + engagement, FitGrade.B, MqlThreshold.atPoints(40), null,
                List.of(ReceiptLine.fit("fit", "fit", fit), new ReceiptLine(ReceiptLine.Group.ENGAGEMENT, "eng", "eng", engagement, engagement, engagement)));
    }

    @Test
    void rolls_up_the_best_contact_the_engagement_of_the_others_and_committee_coverage() {
        var members = List.of(
                new AccountMember(1, "Ana", "CTO", score(55, 30)),
                new AccountMember(2, "Bo", "Director of IT", score(25, 20)),
                new AccountMember(3, "Cy", "Analyst", score(0, 12)),
                new AccountMember(4, "Di", "Intern", score(-30, 0)));

        AccountScore account = AccountScore.rollUp(members, MqaPolicy.standard());

        assertThat(account.score()).isEqualTo(85 + 20 + 12 + 2 * 10);
        assertThat(account.engagedContacts()).isEqualTo(3);
        assertThat(account.rolesEngaged()).containsExactlyInAnyOrder(BuyingRole.EXECUTIVE, BuyingRole.DECISION_MAKER, BuyingRole.PRACTITIONER);
        assertThat(account.mqa()).isTrue();
        assertThat(account.receipt().stream().mapToInt(ReceiptLine::points).sum()).isEqualTo(account.score());
    }

    @Test
    void one_engaged_contact_is_not_an_mqa_however_high_the_score() {
        AccountScore account = AccountScore.rollUp(List.of(new AccountMember(1, "Ana", "CEO", score(90, 60))), MqaPolicy.standard());
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
