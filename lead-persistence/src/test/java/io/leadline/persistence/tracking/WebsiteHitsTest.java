package io.leadline.persistence.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.tracking.HitKind;
import io.leadline.core.tracking.SiteOrigins;
import io.leadline.core.tracking.TrackedSites;
import io.leadline.core.tracking.WebsiteHits;
import io.leadline.core.tracking.WebsiteHits.Hit;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class WebsiteHitsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    WebsiteHits hits;

    @Autowired
    TrackedSites sites;

    @Autowired
    Leads leads;

    @Autowired
    JdbcClient jdbc;

    private long site() {
        hits.prepareMonths(NOW);
        return sites.add(
                new TrackedSites.NewSite(
                        "Site", SiteOrigins.parse("https://www.example.com").origins(), false, true),
                "site_" + UUID.randomUUID().toString().substring(0, 8),
                "secret",
                "admin",
                NOW);
    }

    private long lead() {
        String email = "visitor-" + UUID.randomUUID() + "@example.com";
        return leads.save(Lead.capture(
                        new LeadProfile(
                                "Ana", EmailAddress.parse(email).orElseThrow(), null, null, null, null, null, null),
                        NOW))
                .id();
    }

    private static Hit view(long site, UUID visitor, Instant at, String pv, String url) {
        return new Hit(
                site, visitor, at, HitKind.PAGE_VIEW, pv, url, "Title of " + url, null, null, null, null, null, null);
    }

    private static Hit time(long site, UUID visitor, Instant at, String pv, int millis) {
        return new Hit(site, visitor, at, HitKind.PAGE_TIME, pv, null, null, null, null, null, null, millis, null);
    }

    @Test
    void a_stitch_attaches_the_anonymous_history_once_and_later_batches_name_the_lead() {
        long site = site();
        UUID visitor = UUID.randomUUID();
        assertThat(hits.store(List.of(
                        view(site, visitor, NOW.minusSeconds(600), "pv1", "https://www.example.com/pricing"),
                        time(site, visitor, NOW.minusSeconds(500), "pv1", 40_000),
                        view(site, visitor, NOW.minusSeconds(400), "pv2", "https://www.example.com/docs"))))
                .isEmpty();
        long lead = lead();

        var history = hits.stitch(site, visitor, lead, NOW).orElseThrow();

        assertThat(history)
                .extracting(Hit::url)
                .containsExactly("https://www.example.com/pricing", "https://www.example.com/docs");
        assertThat(hits.store(List.of(view(site, visitor, NOW, "pv3", "https://www.example.com/plans"))))
                .containsEntry(visitor, lead);
        assertThat(hits.stitch(site, visitor, lead(), NOW))
                .as("another lead cannot take the visitor")
                .isEmpty();
        var pages = hits.pagesOf(lead, 10);
        assertThat(pages).extracting(p -> p.path()).containsExactly("/plans", "/docs", "/pricing");
        assertThat(pages.get(2).timeOnPage()).isEqualTo(Duration.ofSeconds(40));
        assertThat(pages.get(0).timeOnPage()).isNull();
    }

    @Test
    void a_visitor_of_one_site_cannot_be_stitched_through_another() {
        long site = site();
        long other = site();
        UUID visitor = UUID.randomUUID();
        hits.store(List.of(view(site, visitor, NOW, "pv1", "https://www.example.com/")));

        assertThat(hits.stitch(other, visitor, lead(), NOW)).isEmpty();
    }

    @Test
    void a_stitch_before_any_hit_is_stored_still_attaches_the_visitor() {
        long site = site();
        UUID visitor = UUID.randomUUID();
        long lead = lead();

        assertThat(hits.stitch(site, visitor, lead, NOW)).hasValue(List.of());
        assertThat(hits.store(List.of(view(site, visitor, NOW, "pv1", "https://www.example.com/"))))
                .containsEntry(visitor, lead);
    }

    @Test
    void months_are_made_ahead_and_dropped_after_the_retention() {
        Instant old = Instant.parse("2019-03-15T10:00:00Z");
        hits.prepareMonths(old);
        hits.prepareMonths(NOW);
        long site = site();
        hits.store(List.of(view(site, UUID.randomUUID(), old, "pv1", "https://www.example.com/")));
        assertThat(jdbc.sql("select count(*) from tracking_hit_y2019m03")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        List<String> dropped = hits.dropMonthsBefore(13, NOW);

        assertThat(dropped).contains("tracking_hit_y2019m03", "tracking_hit_y2019m04");
        assertThat(jdbc.sql("select count(*) from pg_class where relname like 'tracking_hit_y2019%'")
                        .query(Long.class)
                        .single())
                .isZero();
        String thisMonth = "tracking_hit_y%1$tYm%1$tm".formatted(Date.from(NOW));
        assertThat(jdbc.sql("select count(*) from pg_class where relname = ?")
                        .param(thisMonth.replace("y", "y"))
                        .query(Long.class)
                        .single())
                .as("this month stays")
                .isEqualTo(1);
    }
}
