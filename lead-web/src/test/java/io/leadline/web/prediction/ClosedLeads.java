package io.leadline.web.prediction;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test leads with known outcomes for training: referrals mostly won, paid search mostly lost. */
public final class ClosedLeads {

    private ClosedLeads() {}

    /**
     * Inserts {@code count} closed leads; {@code deal segment} is filled for the won ones only (as the Olist
     * closed-deals columns would be, joined onto the MQLs): a leak the trainer must flag.
     */
    public static void insert(JdbcClient jdbc, int count) {
        jdbc.sql("""
                insert into lead (id, version, full_name, email, company, job_title, company_size, source, attributes, stage,
                                  created_at, updated_at)
                select nextval('lead_seq'), 0, 'Closed ' || g, 'closed-' || g || '-' || md5(random()::text) || '@likelihood.example',
                       'Co ' || g, 'Analyst', 50, s.source,
                       case when s.won then jsonb_build_object('deal segment', 'segment ' || (g % 3)) else '{}'::jsonb end,
                       case when s.won then 'WON' else 'LOST' end, now() - interval '30 days', now()
                from generate_series(1, ?) g,
                     lateral (select case when g % 2 = 0 then 'referral' else 'paid_search' end as source,
                                     case when g % 2 = 0 then g % 10 <> 2 else g % 10 = 1 end as won) s""").param(count).update();
    }

    /** One MQL in the sales queue, answered by its id. */
    public static long inQueue(JdbcClient jdbc, String name) {
        long id = jdbc.sql("""
                insert into lead (id, version, full_name, email, source, stage, created_at, updated_at)
                values (nextval('lead_seq'), 0, ?, md5(random()::text) || '@likelihood.example', 'referral', 'MQL', now(), now())
                returning id""").param(name).query(Long.class).single();
        jdbc.sql("""
                insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade, priority, stage, scored_at, queued_at)
                values (?, 1, 99, 99, 0, 'A', 999999, 'MQL', now(), now())""").param(id).update();
        return id;
    }
}
