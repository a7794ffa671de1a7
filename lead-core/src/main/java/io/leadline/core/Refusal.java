package io.leadline.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A request the domain refuses, said so that a person can act on it: a message key with its arguments, read in the
 * reader's language where there is one (the pages: {@code refusal.<key>} in the message bundles), and the same
 * sentence in English for the API, logs and tests. An argument that is itself a word of the interface (a BANT
 * criterion, a status) is a {@link Word}, so that it is read in the same language.
 */
public class Refusal extends IllegalArgumentException implements Refused {

    /** A word the reader's language names: the key of its label in the message bundles. */
    public record Word(String key, String english) {

        public Word {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(english, "english");
        }

        @Override
        public String toString() {
            return english;
        }
    }

    private final String key;
    private final transient List<Object> arguments;

    /**
     * @param key       what is refused, the bundle key after {@code refusal.}
     * @param english   the sentence in English, arguments filled in
     * @param arguments the values the sentence names, in the order of the bundle's {@code {0}}, {@code {1}}, …
     */
    public Refusal(String key, String english, Object... arguments) {
        super(english);
        this.key = Objects.requireNonNull(key, "key");
        this.arguments = Collections.unmodifiableList(Arrays.asList(arguments.clone()));
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public List<Object> arguments() {
        return arguments;
    }
}
