package io.leadline.core.tracking;

import java.util.List;
import java.util.Locale;

/**
 * Whether a user agent is a robot rather than a person reading the page: crawlers, link previewers, monitors,
 * headless browsers and HTTP libraries. Their hits are dropped, so that a search engine's visit to the pricing page
 * never scores.
 */
public final class BotAgents {

    private static final List<String> MARKS = List.of(
            "bot",
            "crawl",
            "spider",
            "slurp",
            "preview",
            "headless",
            "lighthouse",
            "pingdom",
            "uptime",
            "monitor",
            "phantomjs",
            "selenium",
            "puppeteer",
            "playwright",
            "python-requests",
            "python-urllib",
            "curl/",
            "wget/",
            "go-http-client",
            "java/",
            "okhttp",
            "apache-httpclient",
            "libwww",
            "scrapy",
            "facebookexternalhit",
            "embedly",
            "whatsapp",
            "slack",
            "discord",
            "feedfetcher",
            "mediapartners",
            "ia_archiver");

    private BotAgents() {}

    public static boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank() || !userAgent.contains("Mozilla/")) {
            return true;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        return MARKS.stream().anyMatch(agent::contains);
    }
}
