package io.leadline.persistence.account;

import io.leadline.core.account.AccountMember;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.persistence.lead.LeadSql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@link io.leadline.core.account.AccountScore#rollUp} reads of accounts: of each account's contacts still in play,
 * the best by score (as the roll-up ranks: score, then lead id) and every engaged one — never all of a large account's
 * leads — with how many are in play. The ids are joined rather than listed ({@code unnest}), so a pass over tens of
 * thousands of accounts (after a million-row import) reads the leads in one hash join instead of an index lookup each.
 */
final class AccountMembers {

    record Of(int contacts, List<AccountMember> members) {}

    private static final String SQL = """
            with contacts as (
                select l.account_id, l.id, """ + LeadSql.DISPLAY_NAME + """
             as full_name, l.job_title, s.score, s.engagement_points,
                       row_number() over (partition by l.account_id order by s.score desc, l.id) as rank,
                       count(*) over (partition by l.account_id) as contacts
                from unnest(cast(:ids as bigint[])) as t (account_id)
                join lead l on l.account_id = t.account_id join lead_score s on s.lead_id = l.id
                where l.stage not in (:ruledOut))
            select * from contacts where rank = 1 or engagement_points >= :engagedAt
            order by account_id, score desc, id""";

    private AccountMembers() {}

    /** The members of each account that has contacts in play; accounts without any are left out. */
    static Map<Long, Of> of(JdbcClient jdbc, List<Long> accountIds, int engagedAt) {
        Map<Long, Of> byAccount = new HashMap<>();
        jdbc.sql(SQL)
                .param("ids", accountIds.toArray(Long[]::new))
                .param(
                        "ruledOut",
                        LifecycleStage.ruledOut().stream().map(Enum::name).toList())
                .param("engagedAt", engagedAt)
                .query(rs -> {
                    int contacts = rs.getInt("contacts");
                    byAccount
                            .computeIfAbsent(rs.getLong("account_id"), k -> new Of(contacts, new ArrayList<>()))
                            .members()
                            .add(new AccountMember(
                                    rs.getLong("id"),
                                    rs.getString("full_name"),
                                    rs.getString("job_title"),
                                    rs.getInt("score"),
                                    rs.getInt("engagement_points")));
                });
        return byAccount;
    }
}
