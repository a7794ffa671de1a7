package io.leadline.core;

import java.util.List;

/**
 * What a refusal of the domain carries besides its English sentence, so that a page can say it in the reader's
 * language: the key of its sentence ({@code refusal.<key>} in the message bundles) and the values the sentence names,
 * in order — a {@link Refusal.Word} for a word of the interface, a list of them for several.
 */
public interface Refused {

    String key();

    List<Object> arguments();

    /** The sentence in English, arguments filled in. */
    String getMessage();
}
