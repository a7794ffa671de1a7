package io.leadline.core.account;

import io.leadline.core.scoring.Score;
import java.util.Objects;

/** One contact of an account, with the score they have now. */
public record AccountMember(long leadId, String fullName, String jobTitle, Score score) {

    public AccountMember {
        Objects.requireNonNull(score, "score");
    }

    public BuyingRole role() {
        return BuyingRole.of(jobTitle);
    }
}
