package io.leadline.web.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadList;
import io.leadline.core.lead.LeadProfile;
import io.leadline.persistence.lead.Segments;
import io.leadline.persistence.reports.ReportSnapshots;
import io.leadline.web.capture.LeadCapture;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

@SpringBootTest
@AutoConfigureMockMvc
class LeadListTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    LeadCapture capture;

    @Autowired
    ReportSnapshots snapshots;

    @Test
    void the_source_filter_lists_every_source_in_use_folded_and_filters_by_any_spelling() throws Exception {
        long id = lead("Trade Show Lead", "Analyst", 20, "Trade Show");
        snapshots.refresh();
        mvc.perform(get("/leads").with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("<option value=\"trade_show\">trade show</option>")))
                .andExpect(content().string(containsString("<option value=\"paid_search\">paid search</option>")));
        assertThat(ids(rows(get("/leads").param("source", "TRADE-SHOW").param("text", "Trade Show Lead"))))
                .containsExactly(id);
    }

    private final String company = "List Co " + UUID.randomUUID().toString().substring(0, 6);

    private long lead(String name, String title, int size, String source) {
        return capture.capture(new LeadProfile(
                        name,
                        new EmailAddress(UUID.randomUUID() + "@list.example.com"),
                        company,
                        title,
                        size,
                        "BR",
                        source,
                        Map.of()))
                .id();
    }

    @SuppressWarnings("unchecked")
    private List<LeadList.Row> rows(MockHttpServletRequestBuilder request) throws Exception {
        var result = mvc.perform(request.with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andReturn();
        return (List<LeadList.Row>) result.getModelAndView().getModel().get("rows");
    }

    private static List<Long> ids(List<LeadList.Row> rows) {
        return rows.stream().map(LeadList.Row::id).toList();
    }

    @Test
    void search_filters_and_sorts() throws Exception {
        long ceo = lead("Lista Ceo", "CEO", 5000, "paid_search"); // 65, A, MQL
        long analyst = lead("Lista Analyst", "Analyst", 20, "email"); // 5, D, NEW
        long vp = lead("Lista Vp", "VP Sales", 300, "referral"); // 50, A, MQL

        assertThat(ids(rows(get("/leads").param("text", company)))).containsExactly(vp, analyst, ceo);
        mvc.perform(get("/leads").param("text", company).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("3 leads match these filters.")));
        mvc.perform(get("/leads")
                        .param("text", company)
                        .param("grade", "D")
                        .with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("1 lead matches these filters.")));
        assertThat(ids(rows(get("/leads").param("text", company).param("order", "SCORE"))))
                .containsExactly(ceo, vp, analyst);
        assertThat(ids(rows(get("/leads").param("text", "lista ANALYST")))).containsExactly(analyst);
        assertThat(ids(rows(get("/leads").param("text", company).param("stage", "MQL"))))
                .containsExactly(vp, ceo);
        assertThat(ids(rows(get("/leads").param("text", company).param("grade", "D"))))
                .containsExactly(analyst);
        assertThat(ids(rows(get("/leads")
                        .param("text", company)
                        .param("minScore", "40")
                        .param("maxScore", "60"))))
                .containsExactly(vp);
        assertThat(ids(rows(get("/leads").param("text", company).param("source", "email"))))
                .containsExactly(analyst);
    }

    @Test
    void search_forgives_accents_case_and_word_order() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long tiago = capture.capture(new LeadProfile(
                        "Tiago Almeida " + tag,
                        new EmailAddress("t-" + tag + "@ceramica.example"),
                        "Cerâmica Paraná " + tag,
                        "CTO",
                        50,
                        "BR",
                        "email",
                        Map.of()))
                .id();
        long other = capture.capture(new LeadProfile(
                        "Tiago Souza " + tag,
                        new EmailAddress("s-" + tag + "@other.example"),
                        "Outra " + tag,
                        "CTO",
                        50,
                        "BR",
                        "email",
                        Map.of()))
                .id();

        assertThat(ids(rows(get("/leads").param("text", "ceramica parana " + tag))))
                .containsExactly(tiago);
        assertThat(ids(rows(get("/leads").param("text", "Almeida Tiago " + tag))))
                .containsExactly(tiago);
        assertThat(ids(rows(get("/leads").param("text", "TIAGO " + tag)))).containsExactlyInAnyOrder(tiago, other);
        assertThat(ids(rows(get("/leads").param("text", "Paraná Souza " + tag))))
                .as("every word must match")
                .isEmpty();
        assertThat(ids(rows(get("/leads").param("text", "100% " + tag))))
                .as("wildcards are text")
                .isEmpty();
    }

    @Test
    void pages_follow_each_other_without_gaps_or_repeats() throws Exception {
        for (int i = 0; i < 120; i++) {
            lead("Page " + i, i % 2 == 0 ? "CEO" : "Analyst", 50 + i, "referral");
        }
        for (String order : List.of("NEWEST", "SCORE")) {
            List<Long> seen = new ArrayList<>();
            Long afterValue = null;
            Long afterId = null;
            do {
                var request = get("/leads").param("text", company).param("order", order);
                if (afterId != null) {
                    request.param("afterValue", afterValue.toString()).param("afterId", afterId.toString());
                }
                var result =
                        mvc.perform(request.with(user("mia").roles("MARKETER"))).andReturn();
                @SuppressWarnings("unchecked")
                var page =
                        (List<LeadList.Row>) result.getModelAndView().getModel().get("rows");
                page.forEach(r -> seen.add(r.id()));
                var next = (LeadList.After) result.getModelAndView().getModel().get("next");
                afterValue = next == null ? null : next.sortValue();
                afterId = next == null ? null : next.id();
            } while (afterId != null);
            assertThat(seen).as(order).hasSize(120).doesNotHaveDuplicates();
        }
    }

    @Test
    void a_filter_that_cannot_be_read_says_so_instead_of_failing() throws Exception {
        mvc.perform(get("/leads").param("minScore", "lots").with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Some filters could not be read: [minScore]")));
        mvc.perform(get("/leads")
                        .param("minScore", "50")
                        .param("maxScore", "10")
                        .with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("The lowest score is above the highest.")));
        mvc.perform(get("/leads")
                        .param("minScore", "50")
                        .param("maxScore", "10")
                        .header("Accept-Language", "pt-BR")
                        .with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("A menor pontuação está acima da maior.")));
        mvc.perform(get("/leads").param("text", "%_'\\").with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk());
    }

    @Test
    void the_export_holds_the_selection_with_formula_cells_escaped() throws Exception {
        capture.capture(new LeadProfile(
                "=HYPERLINK(\"http://evil\")",
                new EmailAddress(UUID.randomUUID() + "@list.example.com"),
                company,
                "+CFO",
                5000,
                "BR",
                "paid_search",
                Map.of()));
        lead("Plain Person", "Analyst", 5, "email");

        String csv = mvc.perform(get("/leads/export.csv")
                        .param("text", company)
                        .with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(csv.lines().toList()).hasSize(3);
        assertThat(csv).startsWith("id,name,email,company,job title,source,stage,score,fit grade,owner,created");
        assertThat(csv)
                .contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", "'+CFO", "Plain Person")
                .doesNotContain(",=HYPERLINK");
        mvc.perform(get("/leads/export.csv").with(user("sam").roles("SALES"))).andExpect(status().isForbidden());
    }

    @Test
    void fit_at_least_and_last_n_days_filter_and_a_search_saves_as_a_segment() throws Exception {
        long ceo = lead("Seg Ceo", "CEO", 5000, "paid_search"); // A
        long manager = lead("Seg Manager", "Sales Manager", 300, "paid_search"); // 25: C
        lead("Seg Student", "Student", 5, "paid_search"); // D
        assertThat(ids(rows(get("/leads")
                        .param("text", company)
                        .param("minGrade", "C")
                        .param("withinDays", "30"))))
                .containsExactly(manager, ceo);

        mvc.perform(
                        MockMvcRequestBuilders.post("/segments")
                                .param("name", "Seg " + company)
                                .param("query", "text=" + company.replace(" ", "%20") + "&minGrade=C&afterId=5")
                                .with(user("mia").roles("MARKETER"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(MockMvcResultMatchers.flash()
                        .attribute("message", "Saved the segment \"Seg " + company + "\"."));

        var page = mvc.perform(get("/leads").with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("Seg " + company)))
                .andReturn();
        @SuppressWarnings("unchecked")
        var segments =
                (List<Segments.Segment>) page.getModelAndView().getModel().get("segments");
        var saved = segments.stream()
                .filter(seg -> seg.name().equals("Seg " + company))
                .findFirst()
                .orElseThrow();
        assertThat(saved.query()).isEqualTo("text=" + company.replace(" ", "%20") + "&minGrade=C");
        assertThat(ids(rows(get(URI.create("/leads?" + saved.query()))))).containsExactly(manager, ceo);
    }

    @Test
    void a_lead_page_lists_the_other_contacts_at_its_company() throws Exception {
        long one = lead("Colleague One", "CEO", 5000, "paid_search");
        lead("Colleague Two", "CFO", 5000, "paid_search");
        mvc.perform(get("/leads/{id}", one).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("Account: " + company)))
                .andExpect(content().string(containsString("Colleague Two")));
    }
}
