package io.leadline.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Rows written by {@link CopyBinary} arrive in Postgres as the values they were written from. */
@SpringBootTest
class CopyBinaryTest {

    @Autowired
    DataSource dataSource;

    private static final String[] TEXTS = {
        "",
        "plain",
        "O'Brien \\ \"Bob\"",
        "a\ttab\r\nand \\N",
        "São Paulo Ltda ME",
        "日本語の会社",
        "emoji 🚀 here",
        "x".repeat(5_000)
    };

    record Row(long id, Integer size, String name, String json, Instant at, Long account) {}

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20261130L})
    void random_rows_round_trip_through_a_binary_copy(long seed) throws Exception {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(new Row(
                    random.nextLong(),
                    random.nextInt(5) == 0 ? null : random.nextInt(),
                    random.nextInt(6) == 0 ? null : TEXTS[random.nextInt(TEXTS.length)],
                    random.nextInt(4) == 0
                            ? null
                            : "{\"k\": \""
                                    + TEXTS[random.nextInt(5)]
                                            .replace("\\", "\\\\")
                                            .replace("\"", "\\\"")
                                            .replace("\t", "\\t")
                                            .replace("\r", "\\r")
                                            .replace("\n", "\\n")
                                    + "\"}",
                    random.nextInt(5) == 0
                            ? null
                            : Instant.ofEpochSecond(
                                    random.nextLong(-2_000_000_000L, 4_000_000_000L),
                                    random.nextInt(1_000_000) * 1_000L),
                    random.nextBoolean() ? null : random.nextLong()));
        }
        // Written in two parts, as the import does: the row's count and first fields, then its last field.
        CopyBinary head = new CopyBinary(16);
        CopyBinary out = new CopyBinary(16);
        for (Row row : rows) {
            head.clear();
            head.int8(row.id())
                    .int4(row.size())
                    .text(row.name())
                    .jsonb(row.json())
                    .int8(row.at() == null ? null : CopyBinary.microseconds(row.at()));
            out.row(6).raw(head.bytes(), 0, head.size()).int8(row.account());
        }
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(CopyBinary.HEADER);
        stream.write(out.bytes(), 0, out.size());
        stream.write(CopyBinary.TRAILER);

        List<Row> read = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create temporary table copied (n serial, id bigint, size integer, name varchar(5000), "
                    + "doc jsonb, at timestamptz, account bigint)");
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy copied (id, size, name, doc, at, account) from stdin (format binary)",
                            new ByteArrayInputStream(stream.toByteArray()));
            try (ResultSet rs =
                    statement.executeQuery("select id, size, name, doc::text, at, account from copied order by n")) {
                while (rs.next()) {
                    read.add(new Row(
                            rs.getLong(1),
                            (Integer) rs.getObject(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class) == null
                                    ? null
                                    : rs.getObject(5, OffsetDateTime.class).toInstant(),
                            (Long) rs.getObject(6)));
                }
            }
            statement.execute("drop table copied");
        }
        assertThat(read).containsExactlyElementsOf(rows);
    }
}
