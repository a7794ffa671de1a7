package io.leadline.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Collection;

/** Postgres {@code text[]} values: written as literals (for COPY and casts), read from JDBC arrays. */
public final class PostgresArrays {

    private PostgresArrays() {}

    /** {@code {"a","b \"c\""}}: every element quoted, quotes and backslashes escaped. */
    public static String literal(Collection<String> values) {
        StringBuilder s = new StringBuilder("{");
        for (String v : values) {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append('}').toString();
    }

    public static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
