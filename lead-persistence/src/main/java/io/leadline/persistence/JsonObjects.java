package io.leadline.persistence;

import java.util.Map;

/** Flat JSON objects of text values, written for Postgres to read as {@code jsonb} (e.g. in a {@code COPY}). */
public final class JsonObjects {

    private JsonObjects() {}

    /** {@code {"key":"value",…}} with quotes, backslashes and control characters escaped as JSON requires. */
    public static String of(Map<String, String> values) {
        StringBuilder json = new StringBuilder(values.size() * 24 + 2).append('{');
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, e.getKey());
            json.append(':');
            string(json, e.getValue());
        }
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
