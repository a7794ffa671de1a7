package io.leadline.persistence.account;

import io.leadline.core.account.AccountActivity;
import io.leadline.core.account.AccountContact;
import io.leadline.core.account.AccountFilter;
import io.leadline.core.account.AccountMember;
import io.leadline.core.account.AccountPosition;
import io.leadline.core.account.AccountScores;
import io.leadline.core.account.AccountSummary;
import io.leadline.core.account.BuyingRole;
import io.leadline.core.account.MqaChange;
import io.leadline.core.account.MqaPolicy;
import io.leadline.core.account.ScoreDay;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.persistence.lead.LeadSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the stored account scores (written by {@link AccountRollup}) and keeps account owners. */
@Repository
class JdbcAccountScores implements AccountScores {

    private static final String COLUMNS = """
            select a.id as account_id, a.name, a.owner, coalesce(s.score, 0) as score, coalesce(s.mqa, false) as mqa,
                   coalesce(s.contacts, 0) as contacts, coalesce(s.engaged_contacts, 0) as engaged_contacts,
                   coalesce(s.roles, '{}') as roles, coalesce(s.sources, '{}') as sources, s.mqa_since, s.updated_at""";
    private static final String SUMMARY = COLUMNS + " from account_score s join account a on a.id = s.account_id";

    private final JdbcClient jdbc;

    JdbcAccountScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AccountSummary> page(AccountFilter filter, AccountPosition after, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder(SUMMARY).append(where(filter, params));
        if (after != null) {
            sql.append(" and (s.score, s.account_id) < (:afterScore, :afterId)");
            params.put("afterScore", after.score());
            params.put("afterId", after.accountId());
        }
        sql.append(" order by s.score desc, s.account_id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(JdbcAccountScores::summary)
                .list();
    }

    @Override
    public long countUpTo(AccountFilter filter, long cap) {
        Map<String, Object> params = new HashMap<>();
        params.put("cap", cap);
        return jdbc.sql("select count(*) from (select 1 from account_score s" + where(filter, params)
                        + " limit :cap) c")
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(AccountFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.mqaOnly()) {
            where.append(" and s.mqa");
        }
        if (AccountFilter.UNOWNED.equals(filter.owner())) {
            where.append(" and s.owner is null");
        } else if (filter.owner() != null) {
            where.append(" and s.owner = :owner");
            params.put("owner", filter.owner());
        }
        if (filter.source() != null) {
            where.append(" and :source = any(s.sources)");
            params.put("source", filter.source());
        }
        if (filter.minimumRoles() > 0) {
            where.append(" and cardinality(s.roles) >= :roles");
            params.put("roles", filter.minimumRoles());
        }
        return where.toString();
    }

    @Override
    public Optional<AccountSummary> byId(long accountId) {
        // Also an account whose first roll-up is still to come (its leads arrived a moment ago): all zeros until then.
        return jdbc.sql(COLUMNS + " from account a left join account_score s on s.account_id = a.id where a.id = ?")
                .param(accountId)
                .query(JdbcAccountScores::summary)
                .optional();
    }

    @Override
    public List<AccountContact> contacts(long accountId, int limit) {
        return jdbc.sql("select l.id, " + LeadSql.DISPLAY_NAME + """
                         as name, l.job_title, l.stage, coalesce(s.score, 0) as score,
                               coalesce(s.engagement_points, 0) as engagement_points, l.owner
                        from lead l left join lead_score s on s.lead_id = l.id
                        where l.account_id = ? order by s.score desc nulls last, l.id limit ?""")
                .params(accountId, limit)
                .query((rs, n) -> new AccountContact(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("job_title"),
                        LifecycleStage.valueOf(rs.getString("stage")),
                        rs.getInt("score"),
                        rs.getInt("engagement_points"),
                        rs.getString("owner")))
                .list();
    }

    @Override
    public List<AccountMember> members(long accountId) {
        AccountMembers.Of of = AccountMembers.of(
                        jdbc, List.of(accountId), MqaPolicy.standard().engagedAt())
                .get(accountId);
        return of == null ? List.of() : List.copyOf(of.members());
    }

    @Override
    public List<ScoreDay> scoreOverTime(long accountId, int days) {
        return jdbc.sql("""
                        select day, score, mqa from account_score_day
                        where account_id = ? and day > current_date - ? order by day""")
                .params(accountId, days)
                .query((rs, n) ->
                        new ScoreDay(rs.getDate("day").toLocalDate(), rs.getInt("score"), rs.getBoolean("mqa")))
                .list();
    }

    @Override
    public List<MqaChange> history(long accountId, int limit) {
        return jdbc.sql("""
                        select mqa, score, reason, changed_at from account_mqa_change
                        where account_id = ? order by changed_at desc, id desc limit ?""")
                .params(accountId, limit)
                .query((rs, n) -> new MqaChange(
                        rs.getBoolean("mqa"),
                        rs.getInt("score"),
                        rs.getString("reason"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    @Override
    public List<AccountActivity> timeline(long accountId, int limit) {
        return jdbc.sql("select l.id, " + LeadSql.DISPLAY_NAME + """
                         as name, a.type, a.occurred_at, a.detail
                        from lead l cross join lateral (
                            select type, occurred_at, detail from activity
                            where lead_id = l.id order by occurred_at desc limit :limit) a
                        where l.account_id = :account
                        order by a.occurred_at desc, l.id limit :limit""")
                .param("account", accountId)
                .param("limit", limit)
                .query((rs, n) -> new AccountActivity(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("type"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("detail")))
                .list();
    }

    @Override
    @Transactional
    public boolean assignOwner(long accountId, String owner) {
        // The stored copy at once, and a roll-up noted: one running now read the old owner and would store it back.
        jdbc.sql("update account_score set owner = ? where account_id = ?")
                .params(owner, accountId)
                .update();
        jdbc.sql("insert into account_change (account_id) values (?)")
                .param(accountId)
                .update();
        return jdbc.sql("update account set owner = ? where id = ?")
                        .params(owner, accountId)
                        .update()
                == 1;
    }

    @Override
    public Optional<Long> accountOf(long leadId) {
        return jdbc.sql("select account_id from lead where id = ? and account_id is not null")
                .param(leadId)
                .query(Long.class)
                .optional();
    }

    private static AccountSummary summary(ResultSet rs, int row) throws SQLException {
        return new AccountSummary(
                rs.getLong("account_id"),
                rs.getString("name"),
                rs.getString("owner"),
                rs.getInt("score"),
                rs.getBoolean("mqa"),
                rs.getInt("contacts"),
                rs.getInt("engaged_contacts"),
                Arrays.stream((String[]) rs.getArray("roles").getArray())
                        .map(BuyingRole::valueOf)
                        .collect(Collectors.toSet()),
                List.of((String[]) rs.getArray("sources").getArray()),
                instant(rs.getTimestamp("mqa_since")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
