package io.leadline.web.i18n;

import io.leadline.core.lead.LeadCount;
import java.text.NumberFormat;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers as the reader writes them ("1,718" in English, "1.718" in Portuguese) and counts of leads in words:
 * {@code ${@figures.leads(total)}}.
 */
@Component("figures")
public class Figures {

    private final PageMessages messages;

    Figures(PageMessages messages) {
        this.messages = messages;
    }

    /** A whole number with the reader's grouping. */
    public String number(Number n) {
        return n == null
                ? ""
                : NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale())
                        .format(n);
    }

    /** "1,718", or "10,000+" past what pages count. */
    public String figure(LeadCount count) {
        return count.more() ? number(LeadCount.UP_TO) + "+" : number(count.counted());
    }

    /** "1 lead", "1,718 leads", "more than 10,000 leads" in the reader's language. */
    public String leads(LeadCount count) {
        String key = count.more() ? "count.leads.more" : count.one() ? "count.leads.one" : "count.leads";
        String n = count.more() ? number(LeadCount.UP_TO) : number(count.counted());
        return messages.get(key, n);
    }
}
