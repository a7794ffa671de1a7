package io.leadline.web.tracking;

import io.leadline.core.importing.SpreadsheetSafety;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The tracked links of one email campaign for its leads, as the API answers them and as the lead list exports them:
 * per lead an open pixel and a click link per URL, and the CSV a mail-merge reads (one row per lead).
 */
@Component
public class CampaignLinks {

    public static final int MAX_URLS = 20;

    /** One lead's links: the pixel to put in the email, and the tracked link for each URL. */
    public record LeadLinks(long leadId, String email, String openPixel, Map<String, String> links) {}

    private final EmailLinks links;

    CampaignLinks(EmailLinks links) {
        this.links = links;
    }

    public LeadLinks of(long leadId, String email, String campaign, List<String> urls, String base) {
        Map<String, String> clicks = new LinkedHashMap<>();
        urls.forEach(url -> clicks.put(url, base + "/t/c/" + links.clickToken(leadId, campaign, url)));
        return new LeadLinks(leadId, email, base + "/t/o/" + links.openToken(leadId, campaign) + ".gif", clicks);
    }

    /** What is wrong with a campaign name and its URLs, by field ({@code campaign}, {@code urls[i]}); empty when nothing. */
    public static Map<String, String> problems(String campaign, List<String> urls) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (campaign == null || !campaign.matches("[A-Za-z0-9][A-Za-z0-9 _.-]{0,79}")) {
            problems.put(
                    "campaign",
                    "Name the campaign in 1 to 80 letters, digits, spaces, dots, dashes or underscores, like november-news.");
        }
        if (urls.size() > MAX_URLS) {
            problems.put("urls", "At most " + MAX_URLS + " links per email.");
        }
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            if (url == null || url.length() > 2000 || !url.matches("(?i)https?://[^\\s/?#]+[^\\s]*")) {
                problems.put(
                        "urls[" + i + "]", "Not an http or https address of at most 2,000 characters: " + shorter(url));
            }
        }
        return problems;
    }

    public static void csvHeader(Appendable out, int urls) throws IOException {
        out.append("lead_id,email,open_pixel");
        for (int i = 1; i <= urls; i++) {
            out.append(",link_").append(Integer.toString(i));
        }
        out.append("\r\n");
    }

    public static void csvRow(Appendable out, LeadLinks lead, List<String> urls) throws IOException {
        out.append(Long.toString(lead.leadId()))
                .append(',')
                .append(quoted(lead.email()))
                .append(',')
                .append(lead.openPixel());
        for (String url : urls) {
            out.append(',').append(lead.links().get(url));
        }
        out.append("\r\n");
    }

    /** Emails may hold characters a spreadsheet reads as a formula or a field break. */
    private static String quoted(String s) {
        return "\"" + SpreadsheetSafety.cell(s).replace("\"", "\"\"") + "\"";
    }

    private static String shorter(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
