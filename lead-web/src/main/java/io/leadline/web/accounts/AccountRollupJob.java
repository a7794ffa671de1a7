package io.leadline.web.accounts;

import io.leadline.core.account.AccountRollups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps account scores current: every {@code leadline.accounts.rollup-millis} (1 s) it rolls up the accounts whose
 * leads changed since, in passes of {@value #PASS} noted changes, until none wait. Any instance may run it; the
 * passes themselves go one at a time (see the roll-up). A million-lead import is rolled up in the seconds after it.
 */
@Component
class AccountRollupJob {

    static final int PASS = 50_000;

    private final AccountRollups rollups;
    private final boolean enabled;

    AccountRollupJob(AccountRollups rollups, @Value("${leadline.accounts.rollup-enabled:true}") boolean enabled) {
        this.rollups = rollups;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${leadline.accounts.rollup-millis:1000}")
    void rollUpChanged() {
        if (enabled) {
            drain();
        }
    }

    /** Rolls up until no change waits; answers how many noted changes it took. */
    int drain() {
        int taken = 0;
        int pass;
        while ((pass = rollups.rollUpChanged(PASS)) > 0) {
            taken += pass;
        }
        return taken;
    }
}
