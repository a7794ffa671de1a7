package io.leadline.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.bulk.BulkAction;
import io.leadline.core.inbox.AlertMode;
import io.leadline.core.inbox.InboxItem;
import io.leadline.core.lead.FieldType;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.qualification.BantCriterion;
import io.leadline.core.qualification.BantStatus;
import io.leadline.core.queue.AssignmentRule;
import io.leadline.core.queue.QueueFilter;
import io.leadline.core.scoring.ConditionText;
import io.leadline.core.user.Role;
import io.leadline.persistence.jobs.JobStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * English and Brazilian Portuguese are complete: every key is in both bundles with the same placeholders, every key
 * a template names exists, and the keys templates build from enum names exist for every value.
 */
class MessageBundlesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)");
    private static final Pattern KEY_IN_MESSAGES_CALL =
            Pattern.compile("#messages\\.msg\\('([A-Za-z][A-Za-z0-9_.]*)'\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static Properties bundle(String name) {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name + " on the classpath").isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Properties english = bundle("messages.properties");
    private final Properties portuguese = bundle("messages_pt_BR.properties");

    @Test
    void both_languages_have_the_same_keys_none_blank() {
        assertThat(english.stringPropertyNames())
                .as("keys in English and not in Portuguese, or the other way")
                .containsExactlyInAnyOrderElementsOf(portuguese.stringPropertyNames());
        Stream.of(english, portuguese)
                .forEach(bundle -> bundle.stringPropertyNames()
                        .forEach(key ->
                                assertThat(bundle.getProperty(key)).as(key).isNotBlank()));
    }

    @Test
    void a_translation_keeps_the_placeholders_of_the_english_text() {
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(portuguese.getProperty(key, "")))
                    .as(key)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    /**
     * A message with arguments goes through {@link java.text.MessageFormat}, where a lone apostrophe swallows the
     * text after it; one without is shown as written, where a doubled apostrophe would show twice.
     */
    @Test
    void apostrophes_are_doubled_exactly_where_message_format_reads_the_text() {
        for (Properties bundle : new Properties[] {english, portuguese}) {
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (placeholders(text).isEmpty()) {
                    assertThat(text).as(key + " has no arguments: write ' once").doesNotContain("''");
                } else {
                    assertThat(text.replace("''", ""))
                            .as(key + " has arguments: write '' for an apostrophe")
                            .doesNotContain("'");
                }
            }
        }
    }

    @Test
    void every_key_a_template_names_exists() throws IOException {
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                for (Pattern pattern : new Pattern[] {KEY_IN_TEMPLATE, KEY_IN_MESSAGES_CALL}) {
                    Matcher m = pattern.matcher(html);
                    while (m.find()) {
                        String key = m.group(1);
                        if (!key.endsWith(".") && !english.containsKey(key)) {
                            missing.add(TEMPLATES.relativize(file) + ": " + key);
                        }
                    }
                }
            }
        }
        assertThat(missing)
                .as("keys named in templates and missing in messages.properties")
                .isEmpty();
    }

    /**
     * No template shows words of its own: every text a reader sees comes from a bundle. A text inside an element
     * whose content Thymeleaf replaces ({@code th:text}, {@code th:errors}…) is only the designer's sample; code,
     * options and a few names that read the same in both languages are let through.
     */
    @Test
    void templates_show_no_words_of_their_own() throws IOException {
        Pattern textNode = Pattern.compile("(<[^<>]*(?:\"[^\"]*\"[^<>]*)*>)([^<>]+)(?=<)");
        Set<String> sameInBoth =
                Set.of("Leadline", "MQL", "MQLs", "SQL", "MQA", "AUC", "Brier", "URL", "CSV", "ms", "SLA", "Website");
        Set<String> shown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file)
                        .replaceAll("(?s)<!--.*?-->", "")
                        .replaceAll("(?s)<(code|pre|script|style|option)\\b[^>]*>.*?</\\1>", "<x/>");
                Matcher m = textNode.matcher(html);
                while (m.find()) {
                    String tag = m.group(1);
                    String text = m.group(2).strip();
                    boolean replaced = !tag.startsWith("</")
                            && (tag.contains("th:text")
                                    || tag.contains("th:utext")
                                    || tag.contains("th:errors")
                                    || tag.contains("sec:authentication"));
                    if (!replaced && text.matches("(?s).*[A-Za-z]{2,}.*") && !sameInBoth.contains(text)) {
                        shown.add(TEMPLATES.relativize(file) + ": " + text);
                    }
                }
            }
        }
        assertThat(shown)
                .as("words written into templates instead of messages*.properties")
                .isEmpty();
    }

    @Test
    void keys_built_from_enum_names_exist_for_every_value() {
        Set<String> built = new TreeSet<>();
        Stream.of(LifecycleStage.values()).forEach(s -> built.add("stage." + s.name()));
        Stream.of(JobStatus.values()).forEach(s -> built.add("job.status." + s.name()));
        Stream.of(QueueFilter.Order.values()).forEach(o -> built.add("queue.order." + o.name()));
        Stream.of(QueueFilter.Scope.values()).forEach(o -> built.add("queue.scope." + o.name()));
        Stream.of(Role.values()).forEach(r -> built.add("role." + r.name()));
        Stream.of(Role.values()).forEach(r -> built.add("role.label." + r.name()));
        Stream.of(AssignmentRule.Kind.values()).forEach(k -> built.add("handoff.kind." + k.name()));
        Stream.of(InboxItem.Kind.values()).forEach(k -> built.add("inbox.kind." + k.name()));
        Stream.of(AlertMode.values()).forEach(m -> built.add("alerts.mode." + m.name()));
        Stream.of(BantCriterion.values()).forEach(c -> built.add("bant." + c.name()));
        Stream.of(FieldType.values()).forEach(t -> built.add("fields.type." + t.name()));
        Stream.of(ConditionText.Kind.values()).forEach(k -> built.add("model.kind." + k.name()));
        Stream.of(BantStatus.values()).forEach(c -> built.add("bant.status." + c.name()));
        Stream.of(BulkAction.Kind.values()).forEach(k -> built.add("bulk.kind." + k.name()));
        assertThat(built).allSatisfy(key -> assertThat(english).containsKey(key));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
