package io.leadline.web.importing;

import static io.leadline.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.importing.ColumnMapping;
import io.leadline.persistence.importing.ImportJob;
import io.leadline.persistence.importing.ImportJobs;
import io.leadline.persistence.jobs.JobStatus;
import java.io.InputStream;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The import wizard as a marketer drives it in a test: upload a file, press Import with the guessed mapping, wait. */
record ImportWizard(MockMvc mvc, ImportJobs jobs) {

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = ImportWizard.class.getResourceAsStream("/exports/" + name)) {
            return in.readAllBytes();
        }
    }

    long upload(String name, byte[] bytes) throws Exception {
        return upload(name, bytes, "LEADS");
    }

    long upload(String name, byte[] bytes, String kind) throws Exception {
        String location = mvc.perform(multipart("/imports")
                        .file(new MockMultipartFile("file", name, "text/csv", bytes))
                        .param("kind", kind)
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/imports/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring("/imports/".length()));
    }

    /** Uploads the file and presses Import with the mapping Leadline guessed, as a marketer who changes nothing. */
    ImportJob importWithTheGuessedMapping(String name, byte[] bytes, String policy) throws Exception {
        return start(upload(name, bytes), policy, false);
    }

    /** Presses Import (or Dry run) on a draft with the mapping it has, and waits for the job to end. */
    ImportJob start(long id, String policy, boolean dryRun) throws Exception {
        ColumnMapping guessed = jobs.find(id).orElseThrow().mapping();
        MockHttpServletRequestBuilder start = post("/imports/{id}/start", id)
                .param("policy", policy)
                .param("dryRun", Boolean.toString(dryRun))
                .with(user("mia").roles("MARKETER"))
                .with(csrf());
        for (int i = 0; i < guessed.columns().size(); i++) {
            ColumnMapping.Column column = guessed.columns().get(i);
            start.param("field" + i, column.field().name());
            if (column.dateFormat() != null) {
                start.param("format" + i, column.dateFormat().name());
            }
        }
        mvc.perform(start).andExpect(status().is3xxRedirection());
        eventually(() -> assertThat(jobs.find(id).orElseThrow().finished()
                        || jobs.find(id).orElseThrow().dryRun()
                                && jobs.find(id).orElseThrow().status() == JobStatus.DONE)
                .isTrue());
        ImportJob job = jobs.find(id).orElseThrow();
        assertThat(job.status()).as(job.error()).isEqualTo(JobStatus.DONE);
        return job;
    }
}
