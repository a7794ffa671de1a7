package io.leadline.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.activity.ActivityType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisitsAndAgentsTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

    private static PageView at(long minutes, String url, Long seconds) {
        return new PageView(
                T.plusSeconds(minutes * 60), url, null, seconds == null ? null : Duration.ofSeconds(seconds));
    }

    @Test
    void a_session_ends_after_thirty_quiet_minutes_and_pages_come_newest_first() {
        WebsiteVisits visits = WebsiteVisits.of(List.of(
                at(0, "https://x.example/", 20L),
                at(31 + 10, "https://x.example/pricing", 65L),
                at(10, "https://x.example/docs", null),
                at(60 * 24, "https://x.example/plans?a=1", 3600L + 120)));

        assertThat(visits.sessions()).isEqualTo(3);
        assertThat(visits.pages()).extracting(PageView::path).containsExactly("/plans?a=1", "/pricing", "/docs", "/");
        assertThat(visits.timeInView()).isEqualTo("1 h 3 min");
        assertThat(visits.pages().get(1).inView()).isEqualTo("1 min 5 s");
        assertThat(visits.pages().get(2).inView()).isEqualTo("—");
    }

    @Test
    void sessions_never_exceed_pages_and_a_gap_under_thirty_minutes_never_splits_one() {
        Random random = new Random(25);
        for (int run = 0; run < 500; run++) {
            List<PageView> views = new ArrayList<>();
            long minute = 0;
            int gaps = 0;
            for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
                long step = random.nextBoolean() ? random.nextInt(30) : 31 + random.nextInt(5000);
                if (i > 0) {
                    minute += step;
                    gaps += step > 30 ? 1 : 0;
                }
                views.add(at(minute, "https://x.example/" + i, null));
            }
            Collections.shuffle(views, random);
            WebsiteVisits visits = WebsiteVisits.of(views);
            assertThat(visits.sessions()).isEqualTo(gaps + 1).isLessThanOrEqualTo(views.size());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Googlebot/2.1 (+http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36",
                "curl/8.5.0",
                "python-requests/2.31",
                "Slackbot-LinkExpanding 1.0",
                "facebookexternalhit/1.1",
                ""
            })
    void robots_are_known(String agent) {
        assertThat(BotAgents.isBot(agent)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:132.0) Gecko/20100101 Firefox/132.0"
            })
    void people_are_not_robots(String agent) {
        assertThat(BotAgents.isBot(agent)).isFalse();
    }

    @Test
    void apple_mail_prefetches_say_only_mozilla() {
        assertThat(EmailOpens.prefetched("Mozilla/5.0")).isTrue();
        assertThat(EmailOpens.prefetched(null)).isTrue();
        assertThat(EmailOpens.prefetched(
                        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"))
                .isFalse();
    }

    @Test
    void a_page_view_is_a_visit_a_pricing_page_a_pricing_visit_an_event_its_key_and_time_in_view_nothing() {
        UUID v = UUID.randomUUID();
        var page = new WebsiteHits.Hit(
                1,
                v,
                T,
                HitKind.PAGE_VIEW,
                "a",
                "https://x.example/en/pricing",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        var other = new WebsiteHits.Hit(
                1, v, T, HitKind.PAGE_VIEW, "b", "https://x.example/blog", null, null, null, null, null, null, null);
        var event = new WebsiteHits.Hit(
                1,
                v,
                T,
                HitKind.EVENT,
                null,
                "https://x.example/",
                null,
                null,
                null,
                null,
                null,
                null,
                "webinar_signup");
        var time = new WebsiteHits.Hit(1, v, T, HitKind.PAGE_TIME, "a", null, null, null, null, null, null, 1000, null);

        assertThat(HitKind.activity(page).orElseThrow().type()).isEqualTo(ActivityType.PRICING_PAGE_VISIT);
        assertThat(HitKind.activity(page).orElseThrow().detail()).isEqualTo("https://x.example/en/pricing");
        assertThat(HitKind.activity(other).orElseThrow().type()).isEqualTo(ActivityType.WEB_VISIT);
        assertThat(HitKind.activity(event).orElseThrow().type().key()).isEqualTo("webinar_signup");
        assertThat(HitKind.activity(time)).isEmpty();
    }
}
