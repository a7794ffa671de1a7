package io.leadline.persistence.account;

import io.leadline.core.account.AccountBecameMqa;
import io.leadline.core.account.AccountRollups;
import io.leadline.core.account.AccountScore;
import io.leadline.core.account.BuyingRole;
import io.leadline.core.account.MqaPolicy;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of {@code account_score}: takes the accounts the database noted as touched ({@code account_change},
 * filled by V52/V57's triggers on every path that writes a lead's score, stage, account or job title: account ids, or
 * the ids of leads whose score rows were written, whose accounts are found here), reads what the
 * roll-up needs of them, rolls them up in lead-core and stores the result. An account that becomes or stops being an
 * MQA gets a history row; one that becomes one is announced ({@link AccountBecameMqa}). One pass at a time across
 * instances (a transaction-scoped advisory lock): two passes reading the same account at different moments could
 * otherwise store the older roll-up last.
 */
@Repository
class AccountRollup implements AccountRollups {

    /** The advisory lock that keeps roll-up passes one at a time ("ACCT" in ASCII). */
    private static final long LOCK = 0x41434354L;
    /** How many lead notes become account notes at once (one hash join of their ids with lead). */
    static final int LEAD_NOTES_AT_ONCE = 1_000_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MqaPolicy policy = MqaPolicy.standard();

    AccountRollup(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.events = events;
        this.clock = clock;
    }

    private record Stored(boolean mqa, Timestamp mqaSince) {}

    private record Account(String name, String owner, String[] sources) {}

    @Override
    @Transactional
    public int rollUpChanged(int maxAccounts) {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(?)")
                        .param(LOCK)
                        .query(Boolean.class)
                        .single()
                || bulkWorkRunning()) {
            return 0;
        }
        // A note names an account (a lead moved between accounts, changed title or stage, or went) or a lead whose
        // score row was written; the leads' accounts are looked up here, not by the writers. First, up to a million
        // lead notes become the distinct accounts they name in one statement: an import's or a rescoring's leads lie
        // spread over the table, and rolled up pass by pass the same account would be read again in every pass.
        // The leads are found by id and only then is their account asked (a materialized step): with `account_id is
        // not null` beside the join, statistics from before the leads had accounts (a bulk load, then the linking)
        // made Postgres walk every lead with an account once per note, which stopped the roll-up for minutes.
        jdbc.sql("""
                        with taken as (
                            delete from account_change
                            where ctid = any(array(select ctid from account_change where lead_id is not null limit :max))
                            returning lead_id),
                        named as materialized (select l.account_id from taken t join lead l on l.id = t.lead_id)
                        insert into account_change (account_id)
                        select distinct account_id from named where account_id is not null""").param("max", LEAD_NOTES_AT_ONCE).update();
        List<Long> accountIds = new ArrayList<>();
        List<Long> leadIds = new ArrayList<>();
        jdbc.sql("""
                        delete from account_change
                        where ctid = any(array(select ctid from account_change limit :max))
                        returning account_id, lead_id""").param("max", maxAccounts).query(rs -> {
            long account = rs.getLong(1);
            if (!rs.wasNull()) {
                accountIds.add(account);
            } else {
                leadIds.add(rs.getLong(2));
            }
        });
        int noted = accountIds.size() + leadIds.size();
        if (noted == 0) {
            return 0;
        }
        if (!leadIds.isEmpty()) {
            accountIds.addAll(jdbc.sql("""
                            with named as materialized (
                                select l.account_id from unnest(cast(? as bigint[])) as t (id) join lead l on l.id = t.id)
                            select distinct account_id from named where account_id is not null""")
                    .param(leadIds.toArray(Long[]::new))
                    .query(Long.class)
                    .list());
        }
        List<Long> ids = accountIds.stream().distinct().sorted().toList();
        Instant now = clock.instant();
        Map<Long, AccountMembers.Of> members = AccountMembers.of(jdbc, ids, policy.engagedAt());
        Map<Long, Account> accounts = accounts(ids);
        Map<Long, Stored> stored = stored(ids);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        for (long id : ids) {
            Account account = accounts.get(id);
            if (account == null) {
                gone.add(id);
                continue;
            }
            AccountMembers.Of of = members.getOrDefault(id, new AccountMembers.Of(0, List.of()));
            AccountScore score = AccountScore.rollUp(of.members(), policy);
            Stored before = stored.get(id);
            boolean wasMqa = before != null && before.mqa();
            Timestamp since = score.mqa() ? (wasMqa ? before.mqaSince() : Timestamp.from(now)) : null;
            Long best = of.members().isEmpty() ? null : of.members().getFirst().leadId();
            rows.add(new Object[] {
                id,
                account.owner(),
                score.score(),
                score.mqa(),
                of.contacts(),
                score.engagedContacts(),
                score.rolesEngaged().stream().map(BuyingRole::name).sorted().toArray(String[]::new),
                account.sources(),
                best,
                since,
                Timestamp.from(now)
            });
            if (score.mqa() != wasMqa) {
                changes.add(new Object[] {id, score.mqa(), score.score(), score.why(policy), Timestamp.from(now)});
                if (score.mqa()) {
                    events.publishEvent(new AccountBecameMqa(
                            id, account.name(), account.owner(), best, score.score(), score.engagedContacts(), now));
                }
            }
        }
        store(rows);
        // The day's last score per account, for the account page's score over time.
        template.batchUpdate(
                """
                        insert into account_score_day (account_id, day, score, mqa) values (?, ?, ?, ?)
                        on conflict (account_id, day) do update set score = excluded.score, mqa = excluded.mqa""",
                rows.stream()
                        .map(r ->
                                new Object[] {r[0], Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC)), r[2], r[3]})
                        .toList());
        if (!changes.isEmpty()) {
            template.batchUpdate(
                    "insert into account_mqa_change (account_id, mqa, score, reason, changed_at) values (?, ?, ?, ?, ?)",
                    changes);
        }
        if (!gone.isEmpty()) {
            jdbc.sql("delete from account_score where account_id = any(?)")
                    .param(gone.toArray(Long[]::new))
                    .update();
        }
        return noted;
    }

    /**
     * An import or a rescoring is writing scores: the roll-up waits and catches up after it, rather than read the same
     * leads beside it on the same cores (it cost a million-row import a third of its time). Only a job whose lease is
     * alive counts: one left RUNNING by a dead instance does not hold the accounts back.
     */
    private boolean bulkWorkRunning() {
        return jdbc.sql("""
                        select exists (select 1 from import_job where status = 'RUNNING' and heartbeat_at > now() - interval '1 minute')
                            or exists (select 1 from rescore_job where status = 'RUNNING' and heartbeat_at > now() - interval '1 minute')""").query(Boolean.class).single();
    }

    /** The accounts that still have leads, with their name, owner and the sources of their leads. */
    private Map<Long, Account> accounts(List<Long> ids) {
        Map<Long, Account> accounts = new HashMap<>();
        jdbc.sql("""
                        select a.id, a.name, a.owner,
                               coalesce(array_agg(distinct l.source order by l.source) filter (where l.source is not null), '{}') as sources
                        from unnest(cast(? as bigint[])) as t (id) join account a on a.id = t.id
                        join lead l on l.account_id = a.id group by a.id""").param(ids.toArray(Long[]::new)).query(rs -> {
            accounts.put(rs.getLong("id"), new Account(rs.getString("name"), rs.getString("owner"), (String[])
                    rs.getArray("sources").getArray()));
        });
        return accounts;
    }

    private Map<Long, Stored> stored(List<Long> ids) {
        Map<Long, Stored> stored = new HashMap<>();
        jdbc.sql("select account_id, mqa, mqa_since from account_score where account_id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    stored.put(rs.getLong(1), new Stored(rs.getBoolean(2), rs.getTimestamp(3)));
                });
        return stored;
    }

    /** Upserts the roll-ups; an account whose roll-up did not change is not rewritten (no dead row, no index entry). */
    private void store(List<Object[]> rows) {
        template.batchUpdate("""
                        insert into account_score (account_id, owner, score, mqa, contacts, engaged_contacts, roles, sources,
                                                   best_lead_id, mqa_since, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (account_id) do update set owner = excluded.owner, score = excluded.score, mqa = excluded.mqa,
                            contacts = excluded.contacts, engaged_contacts = excluded.engaged_contacts,
                            roles = excluded.roles, sources = excluded.sources, best_lead_id = excluded.best_lead_id,
                            mqa_since = excluded.mqa_since, updated_at = excluded.updated_at
                        where (account_score.owner, account_score.score, account_score.mqa, account_score.contacts,
                               account_score.engaged_contacts, account_score.roles, account_score.sources,
                               account_score.best_lead_id, account_score.mqa_since)
                              is distinct from (excluded.owner, excluded.score, excluded.mqa, excluded.contacts,
                               excluded.engaged_contacts, excluded.roles, excluded.sources, excluded.best_lead_id,
                               excluded.mqa_since)""", rows, 500, (PreparedStatement ps, Object[] row) -> {
            for (int i = 0; i < row.length; i++) {
                Object value = row[i];
                if (value instanceof String[] texts) {
                    Array array = ps.getConnection().createArrayOf("text", texts);
                    ps.setArray(i + 1, array);
                } else {
                    ps.setObject(i + 1, value);
                }
            }
        });
    }
}
