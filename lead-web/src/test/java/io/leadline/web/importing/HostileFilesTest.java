package io.leadline.web.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.persistence.importing.ImportJob;
import io.leadline.persistence.importing.ImportJobs;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hostile corpus (src/test/resources/exports/hostile, its README says what each file holds): each file imported
 * through the wizard with the guessed mapping, every row accounted for as expected.csv says, and one value stored
 * exactly as it should be.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileFilesTest {

    private static final Pattern COLUMN = Pattern.compile("[a-z_]+|attributes->>'[a-z_0-9]+'");

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportJobs jobs;

    @Autowired
    JdbcClient jdbc;

    static Stream<CSVRecord> files() throws Exception {
        try (InputStream in = HostileFilesTest.class.getResourceAsStream("/exports/hostile/expected.csv");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void every_row_is_accounted_for_and_nothing_is_stored_wrong(CSVRecord expected) throws Exception {
        String file = expected.get("file");
        ImportJob job = new ImportWizard(mvc, jobs)
                .importWithTheGuessedMapping(file, ImportWizard.fixture("hostile/" + file), "SKIP");

        assertThat(List.of(job.rowsRead(), job.imported(), job.merged(), job.rejected(), jobs.warned(job.id())))
                .as("read, imported, merged, rejected, warned of " + file + " (rejections: "
                        + jobs.firstRejections(job.id(), 5) + ", warnings: " + jobs.firstWarnings(job.id(), 5) + ")")
                .containsExactly(
                        number(expected, "read"),
                        number(expected, "imported"),
                        number(expected, "merged"),
                        number(expected, "rejected"),
                        number(expected, "warned"));
        assertThat(job.rowsRead()).isEqualTo(job.imported() + job.updated() + job.merged() + job.rejected());

        String[] check = expected.get("check").split("\\|", 3);
        assertThat(check[1]).matches(COLUMN);
        String stored = jdbc.sql("select (" + check[1] + ")::text from lead where email = ?")
                .param(check[0])
                .query(String.class)
                .optional()
                .orElse(null);
        assertThat(stored == null ? "" : stored)
                .as(check[1] + " of " + check[0])
                .isEqualTo(check[2]);
    }

    private static long number(CSVRecord record, String column) {
        return Long.parseLong(record.get(column));
    }
}
