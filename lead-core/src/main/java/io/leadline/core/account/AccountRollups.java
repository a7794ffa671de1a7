package io.leadline.core.account;

/**
 * Keeps stored account scores current: rolls up again the accounts whose leads changed since the last pass (score,
 * stage, account, job title), records MQA reached or lost and announces {@link AccountBecameMqa}.
 */
public interface AccountRollups {

    /** Rolls up at most {@code maxAccounts} changed accounts; answers how many it rolled up (0: none waiting). */
    int rollUpChanged(int maxAccounts);
}
