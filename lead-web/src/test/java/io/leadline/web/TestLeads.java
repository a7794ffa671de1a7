package io.leadline.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.springframework.test.web.servlet.MockMvc;

/** Creates leads the way a marketer does, through the New lead form. */
public final class TestLeads {

    private TestLeads() {}

    /** Captures a lead and answers its id. */
    public static long capture(MockMvc mvc, String name, String title, int companySize, String source)
            throws Exception {
        String location = mvc.perform(post("/leads/new")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf())
                        .param("fullName", name)
                        .param("email", "lead-" + UUID.randomUUID() + "@acme.com")
                        .param("company", "Acme")
                        .param("jobTitle", title)
                        .param("companySize", Integer.toString(companySize))
                        .param("source", source))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        if (location == null || !location.startsWith("/leads/")) {
            throw new IllegalStateException("The New lead form did not store " + name);
        }
        return Long.parseLong(location.substring("/leads/".length()));
    }
}
