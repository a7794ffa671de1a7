package io.leadline.core.account;

import java.util.List;
import java.util.Optional;

/** The stored account scores, their contacts, MQA history and owners. */
public interface AccountScores {

    /** A page of accounts matching the filter, best score first, after {@code after} (null: the first page). */
    List<AccountSummary> page(AccountFilter filter, AccountPosition after, int limit);

    /** How many accounts match, counted up to {@code cap}. */
    long countUpTo(AccountFilter filter, long cap);

    Optional<AccountSummary> byId(long accountId);

    /** The account's leads, best score first, at most {@code limit}. */
    List<AccountContact> contacts(long accountId, int limit);

    /** What the roll-up reads of the account now (its best contact and the engaged ones), for its receipt. */
    List<AccountMember> members(long accountId);

    /** The account's score day by day (days it changed), oldest first, over the last {@code days} days. */
    List<ScoreDay> scoreOverTime(long accountId, int days);

    /** MQA reached and lost, newest first. */
    List<MqaChange> history(long accountId, int limit);

    /** What the account's leads did, newest first, at most {@code limit}. */
    List<AccountActivity> timeline(long accountId, int limit);

    /** Gives the account to a rep, or to nobody with null; false when there is no such account. */
    boolean assignOwner(long accountId, String owner);

    /** The account of a lead, if it has one. */
    Optional<Long> accountOf(long leadId);
}
