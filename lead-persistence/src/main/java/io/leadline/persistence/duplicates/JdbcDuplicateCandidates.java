package io.leadline.persistence.duplicates;

import io.leadline.core.account.AccountKey;
import io.leadline.core.duplicates.DuplicateCandidate;
import io.leadline.core.duplicates.DuplicateCandidates;
import io.leadline.core.duplicates.MatchSignals;
import io.leadline.core.duplicates.PhoneNumbers;
import io.leadline.core.lead.Lead;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Possible duplicates from the match keys stored on every lead (V49: the email and phone keys, indexed) and, within
 * an account, trigram similarity of the name keys. The database measures what two leads share; lead-core's
 * {@link MatchSignals} decides how likely they are one person.
 */
@Repository
class JdbcDuplicateCandidates implements DuplicateCandidates {

    /**
     * A key shared by more leads than this is a placeholder (a switchboard number, "Test Test"), not a person: its
     * leads are not paired by it. Accounts larger than {@value #FUZZY_ACCOUNT} leads are paired by exact keys only.
     */
    static final int CROWDED_KEY = 20;

    static final int FUZZY_ACCOUNT = 500;
    private static final int MOST_FOR_ONE_LEAD = 50;
    private static final int STORE_BATCH = 5_000;
    private static final double SAME_NAME = 0.999;

    /** A lead's mailbox: its address, or the mailbox a +tag or Gmail's dots hide (V49's email key). */
    private static final String MAILBOX = "coalesce(%1$s.email_key, %1$s.email)";
    /** A lead's name as compared: folded (accents, case); trigrams ignore the order of its words. */
    static final String NAME = "leadline_fold(%1$s.full_name)";

    /** A lead's phone as its phone key reads it (V49): the first phone-like attribute. */
    private static final String PHONE = "coalesce(%1$s.attributes ->> 'phone', %1$s.attributes ->> 'phone_number', "
            + "%1$s.attributes ->> 'mobile', %1$s.attributes ->> 'mobile_phone', %1$s.attributes ->> 'mobile_number', "
            + "%1$s.attributes ->> 'telephone', %1$s.attributes ->> 'work_phone', %1$s.attributes ->> 'whatsapp')";

    private static final String SIGNALS = """
            a.id as a_id, a.full_name as a_name, a.email as a_email, a.external_id as a_external,
            b.id as b_id, b.full_name as b_name, b.email as b_email, b.external_id as b_external,
            case when a.phone_key = b.phone_key then %s end as a_phone, case when a.phone_key = b.phone_key then %s end as b_phone,
            a.country as a_country, b.country as b_country,
            coalesce(%s = %s, false) as same_email, coalesce(a.phone_key = b.phone_key, false) as same_phone,
            coalesce(a.account_id = b.account_id, false) as same_account,
            coalesce(similarity(%s, %s), 0) as name_similarity
            """.formatted(
                    PHONE.formatted("a"),
                    PHONE.formatted("b"),
                    MAILBOX.formatted("a"),
                    MAILBOX.formatted("b"),
                    NAME.formatted("a"),
                    NAME.formatted("b"));

    /**
     * The stored leads {@code b} that may be lead {@code a} (a stored lead, or one being typed): one mailbox, one phone
     * key, or an alike name at the same account. Each arm is served by an index (email, email key, phone key, account).
     */
    private static final String LIKELY = """
            b.id <> a.id and (b.email = coalesce(a.email_key, a.email) or b.email_key = coalesce(a.email_key, a.email)
                              or b.phone_key = a.phone_key
                              or (b.account_id = a.account_id and leadline_fold(b.full_name) % leadline_fold(a.full_name)))
            """;

    private static final String DISMISSED = """
            exists (select 1 from duplicate_dismissal d where d.lead_id = least(a.id, b.id) and d.other_id = greatest(a.id, b.id))
            """;

    private final JdbcClient jdbc;

    JdbcDuplicateCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DuplicateCandidate> of(long leadId) {
        List<DuplicateCandidate> found = jdbc.sql("select " + SIGNALS + " from lead a join lead b on " + LIKELY
                        + " where a.id = ? and not " + DISMISSED + " limit " + MOST_FOR_ONE_LEAD)
                .param(leadId)
                .query((rs, n) -> candidate(rs))
                .list();
        return offeredFirst(found);
    }

    /** The candidates worth a look, most likely first. */
    private static List<DuplicateCandidate> offeredFirst(List<DuplicateCandidate> found) {
        return found.stream()
                .filter(c -> c.signals().offered())
                .sorted(Comparator.comparingDouble(DuplicateCandidate::confidence)
                        .reversed()
                        .thenComparingLong(DuplicateCandidate::otherId))
                .toList();
    }

    @Override
    public List<DuplicateCandidate> like(String email, String fullName, String company, String phone) {
        String account = company == null
                ? null
                : AccountKey.of(company).map(AccountKey::value).orElse(null);
        String typed = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        List<DuplicateCandidate> found = jdbc.sql("""
                        with typed as (
                            select 0::bigint as id, ?::text as full_name, ?::text collate "C" as email, null::text as external_id,
                                   leadline_email_key(?::text) collate "C" as email_key, null::text as country,
                                   case when ?::text is null then '{}'::jsonb else jsonb_build_object('phone', ?::text) end as attributes,
                                   (select id from account where key = ?) as account_id),
                        a as materialized (select typed.*, leadline_phone_key(attributes) as phone_key from typed)
                        select\s""" + SIGNALS + """
                        from a join lead b on\s""" + LIKELY + " limit " + MOST_FOR_ONE_LEAD)
                .params(blankToNull(fullName), typed, typed, blankToNull(phone), blankToNull(phone), account)
                .query((rs, n) -> candidate(rs))
                .list();
        return offeredFirst(found);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public List<DuplicateCandidate> review(int offset, int limit) {
        return jdbc.sql("select "
                        + SIGNALS.replace(
                                "coalesce(similarity(" + NAME.formatted("a") + ", " + NAME.formatted("b") + "), 0)",
                                "p.name_similarity")
                        + """
                        from duplicate_pair p join lead a on a.id = p.lead_id join lead b on b.id = p.other_id
                        where not\s""" + DISMISSED + """
                        order by p.confidence desc, p.lead_id, p.other_id offset ? limit ?""")
                .params(offset, limit)
                .query((rs, n) -> candidate(rs))
                .list();
    }

    @Override
    public long reviewable() {
        return jdbc.sql("select count(*) from duplicate_pair p where not exists (select 1 from duplicate_dismissal d "
                        + "where d.lead_id = p.lead_id and d.other_id = p.other_id)")
                .query(Long.class)
                .single();
    }

    /**
     * The pairs sharing a mailbox (a keyed address beside the plain one, or two keyed alike), a phone (groups of at
     * most {@value #CROWDED_KEY}), and within accounts of at most {@value #FUZZY_ACCOUNT} leads the pairs with alike
     * names; their signals are read in one pass and the pairs worth a look stored in batches, all in one transaction
     * (the last scan's pairs stay until this one commits).
     */
    @Override
    @Transactional
    public long scan(Instant at) {
        jdbc.sql("delete from duplicate_pair").update();
        List<DuplicateCandidate> batch = new ArrayList<>(STORE_BATCH);
        long[] stored = {0};
        jdbc.sql("""
                        with named as materialized (
                            select id, account_id, leadline_fold(full_name) as name from lead
                             where full_name is not null and account_id in (select account_id from lead where account_id is not null
                                   group by account_id having count(*) between 2 and ?)),
                        pairs as (
                            select distinct least(a.id, b.id) as low, greatest(a.id, b.id) as high
                              from lead a join lead b on b.id <> a.id and (b.email = a.email_key or b.email_key = a.email_key)
                             where a.email_key is not null
                            union
                            select least(x, y), greatest(x, y) from (""" + keyGroups("phone_key") + """
                                   ) grouped, unnest(ids) x, unnest(ids) y where x < y
                            union
                            select a.id, b.id from named a join named b on b.account_id = a.account_id and b.id > a.id and b.name % a.name)
                        select\s""" + SIGNALS + """
                        from pairs p join lead a on a.id = p.low join lead b on b.id = p.high
                        where not\s""" + DISMISSED)
                .param(FUZZY_ACCOUNT)
                .query(rs -> {
                    DuplicateCandidate candidate = candidate(rs);
                    if (candidate.signals().offered()) {
                        batch.add(candidate);
                        if (batch.size() == STORE_BATCH) {
                            stored[0] += store(batch, at);
                        }
                    }
                });
        stored[0] += store(batch, at);
        return stored[0];
    }

    private static String keyGroups(String key) {
        return "select array_agg(id) as ids from lead where " + key + " is not null group by " + key
                + " having count(*) between 2 and " + CROWDED_KEY;
    }

    private int store(List<DuplicateCandidate> batch, Instant at) {
        if (batch.isEmpty()) {
            return 0;
        }
        int n = batch.size();
        Long[] low = new Long[n];
        Long[] high = new Long[n];
        Boolean[][] flags = new Boolean[4][n];
        Double[] similarity = new Double[n];
        Double[] confidence = new Double[n];
        for (int i = 0; i < n; i++) {
            DuplicateCandidate c = batch.get(i);
            low[i] = c.leadId();
            high[i] = c.otherId();
            flags[0][i] = c.signals().sameEmail();
            flags[1][i] = c.signals().samePhone();
            flags[2][i] = c.signals().sameName();
            flags[3][i] = c.signals().sameAccount();
            similarity[i] = c.signals().nameSimilarity();
            confidence[i] = c.confidence();
        }
        jdbc.sql("""
                        insert into duplicate_pair (lead_id, other_id, same_email, same_phone, same_name, same_account,
                                                    name_similarity, confidence, found_at)
                        select l, o, e, p, n, a, s, c, ? from unnest(?::bigint[], ?::bigint[], ?::boolean[], ?::boolean[],
                               ?::boolean[], ?::boolean[], ?::real[], ?::real[]) as t(l, o, e, p, n, a, s, c)""")
                .params(Timestamp.from(at), low, high, flags[0], flags[1], flags[2], flags[3], similarity, confidence)
                .update();
        batch.clear();
        return n;
    }

    @Override
    @Transactional
    public void dismiss(long leadId, long otherId, String by, Instant at) {
        jdbc.sql("""
                        insert into duplicate_dismissal (lead_id, other_id, dismissed_by, dismissed_at)
                        select least(?::bigint, ?::bigint), greatest(?::bigint, ?::bigint), ?, ?
                         where exists (select 1 from lead where id = ?) and exists (select 1 from lead where id = ?)
                        on conflict do nothing""")
                .params(leadId, otherId, leadId, otherId, by, Timestamp.from(at), leadId, otherId)
                .update();
    }

    private static DuplicateCandidate candidate(ResultSet rs) throws SQLException {
        double similarity = Math.max(0, Math.min(1, rs.getDouble("name_similarity")));
        // Trigrams ignore word order and case: a similarity of 1 is the same name ("Teixeira, Mariana" is Mariana
        // Teixeira). One phone key (the last nine digits) is one number unless both numbers resolve to different E.164
        // forms.
        boolean samePhone = rs.getBoolean("same_phone")
                && PhoneNumbers.same(
                        rs.getString("a_phone"),
                        rs.getString("a_country"),
                        rs.getString("b_phone"),
                        rs.getString("b_country"));
        MatchSignals signals = new MatchSignals(
                rs.getBoolean("same_email"),
                samePhone,
                similarity >= SAME_NAME,
                rs.getBoolean("same_account"),
                similarity);
        long a = rs.getLong("a_id");
        long b = rs.getLong("b_id");
        return new DuplicateCandidate(
                a,
                Lead.displayName(rs.getString("a_name"), rs.getString("a_email"), rs.getString("a_external"), a),
                b,
                Lead.displayName(rs.getString("b_name"), rs.getString("b_email"), rs.getString("b_external"), b),
                signals);
    }
}
