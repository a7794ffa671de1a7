package io.leadline.web.demo;

import io.leadline.core.lead.BulkLeads;
import io.leadline.core.lead.BulkLeads.ScoredLead;
import io.leadline.core.lead.Lead;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.core.user.Role;
import io.leadline.persistence.reports.ReportSnapshots;
import io.leadline.web.security.UserAccounts;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: users {@code marketer}, {@code sales} and {@code admin} (password
 * {@code leadline.demo.password}) and, on an empty database, the 8,000 Olist MQLs as scored leads.
 */
@Component
@Profile("demo")
@Order(1)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAccounts accounts;
    private final BulkLeads bulk;
    private final ScoringModels models;
    private final JdbcClient jdbc;
    private final String password;
    private final ReportSnapshots snapshots;

    DemoData(
            UserAccounts accounts,
            BulkLeads bulk,
            ScoringModels models,
            JdbcClient jdbc,
            ReportSnapshots snapshots,
            @Value("${leadline.demo.password}") String password) {
        this.snapshots = snapshots;
        this.accounts = accounts;
        this.bulk = bulk;
        this.models = models;
        this.jdbc = jdbc;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.createIfAbsent("marketer", password, Role.MARKETER);
        accounts.createIfAbsent("sales", password, Role.SALES);
        accounts.createIfAbsent("admin", password, Role.ADMIN);
        long existing = jdbc.sql("select count(*) from lead").query(Long.class).single();
        if (existing > 0) {
            markWonDeals();
            snapshots.refresh();
            return;
        }
        ScoringModel model = models.active();
        List<ScoredLead> scored = OlistDemoLeads.read().stream()
                .map(lead -> {
                    var score = model.score(lead.profile());
                    var qualified = lead.qualifyBy(score, lead.createdAt());
                    Lead stored = qualified.map(Lead.Transition::lead).orElse(lead);
                    return new ScoredLead(
                            stored,
                            score,
                            qualified.map(Lead.Transition::change).orElse(null));
                })
                .toList();
        int stored = bulk.insertAll(scored);
        log.info(
                "Demo: stored {} Olist leads, {} of them MQLs",
                stored,
                scored.stream().filter(s -> s.change() != null).count());
        markWonDeals();
        // The reports read snapshots: bring them up to date now rather than at the first scheduled refresh.
        snapshots.refresh();
    }

    /** The 842 Olist deals that were won, as outcomes of their MQLs: the back-test in the model editor uses them. */
    private void markWonDeals() {
        long known = jdbc.sql("select count(*) from lead where outcome is not null")
                .query(Long.class)
                .single();
        if (known > 0) {
            return;
        }
        int won = 0;
        for (String mqlId : OlistDemoLeads.wonMqlIds()) {
            won += jdbc.sql("""
                            update lead set outcome = 'WON', outcome_at = created_at, outcome_reason = 'Olist closed deals (demo)',
                                   stage = 'WON', owner = null, version = version + 1
                            where external_id = ? and outcome is null""").param(mqlId).update();
        }
        jdbc.sql("update lead_score s set stage = l.stage from lead l where l.id = s.lead_id and s.stage <> l.stage")
                .update();
        log.info("Demo: marked {} Olist leads won from the closed-deals file", won);
    }
}
