package io.leadline.core.scoring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Case-insensitive patterns of {@link LeadCondition.Matches}, compiled once: a record cannot hold one itself. */
final class CompiledPatterns {

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private CompiledPatterns() {}

    static Pattern of(String regex) {
        return CACHE.computeIfAbsent(regex, r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE));
    }
}
