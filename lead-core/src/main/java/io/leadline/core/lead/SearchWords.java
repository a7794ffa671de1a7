package io.leadline.core.lead;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a person typed into a lead search, as the words every match must contain, in any order: "Almeida Tiago" finds
 * Tiago Almeida. Storage folds accents and case on both sides. At most {@value #MAX_WORDS} words count.
 */
public final class SearchWords {

    public static final int MAX_WORDS = 8;

    private SearchWords() {}

    public static List<String> of(String typed) {
        if (typed == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : typed.strip().split("[\\s,;]+")) {
            if (!word.isEmpty() && words.size() < MAX_WORDS) {
                words.add(word);
            }
        }
        return new ArrayList<>(words);
    }
}
