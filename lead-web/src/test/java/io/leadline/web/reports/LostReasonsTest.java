package io.leadline.web.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.qualification.SalesActions;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Lost deals, reported by the CRM with a reason, are counted by reason on the reports page, case and spaces ignored. */
@SpringBootTest
@AutoConfigureMockMvc
class LostReasonsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LeadCapture capture;

    @Autowired
    SalesActions sales;

    @Test
    void the_reports_count_why_deals_were_lost() throws Exception {
        String reason = "Chose competitor " + UUID.randomUUID().toString().substring(0, 6);
        for (String written : new String[] {reason, " " + reason.toLowerCase() + " ", reason}) {
            long id = capture.capture(new LeadProfile(
                            "Lost " + written,
                            new EmailAddress(UUID.randomUUID() + "@lost.example"),
                            "Lost Co",
                            "CTO",
                            50,
                            "BR",
                            "email",
                            Map.of()))
                    .id();
            sales.recordCrmOutcome(id, "api:crm", LifecycleStage.LOST, written);
        }
        String page = mvc.perform(get("/reports").with(user("mia").roles("MARKETER")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var row = Pattern.compile(
                        "<td>" + Pattern.quote(reason) + "</td><td class=\"num\">(\\d+)</td>", Pattern.CASE_INSENSITIVE)
                .matcher(page);
        assertThat(row.find()).as("a row for the reason").isTrue();
        assertThat(row.group(1)).isEqualTo("3");

        String csv = mvc.perform(
                        get("/reports/lost-reasons.csv").with(user("mia").roles("MARKETER")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).startsWith("reason,deals").containsIgnoringCase(reason + ",3");
        for (String report :
                new String[] {"score-distribution", "sla", "disqualification-reasons", "funnel-by-month"}) {
            assertThat(mvc.perform(get("/reports/" + report + ".csv")
                                    .with(user("mia").roles("MARKETER")))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(report)
                    .isEqualTo(200);
        }
    }
}
