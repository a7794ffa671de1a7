package io.leadline.core.importing;

import io.leadline.core.lead.FieldKey;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.lead.StageWords;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the values of a stage (status, lifecycle) column become lifecycle stages: the choices made on the mapping page,
 * by value ({@code Working - Contacted} → Accepted), values chosen to be ignored, and for any other value the stage
 * its words mean ({@link StageWords}). Values are compared by {@link FieldKey}.
 */
public record StageMapping(Map<String, LifecycleStage> chosen, Set<String> ignored) {

    public StageMapping {
        Map<String, LifecycleStage> keyed = new TreeMap<>();
        chosen.forEach((value, stage) -> keyed.put(FieldKey.of(value), stage));
        Set<String> ignoredKeys = new TreeSet<>();
        ignored.forEach(value -> ignoredKeys.add(FieldKey.of(value)));
        ignoredKeys.forEach(keyed::remove);
        chosen = Map.copyOf(keyed);
        ignored = Set.copyOf(ignoredKeys);
    }

    /** No choices made: every value by its words. */
    public static StageMapping byWords() {
        return new StageMapping(Map.of(), Set.of());
    }

    /** What the value becomes; empty when it is ignored or neither chosen nor a word we know. */
    public Optional<LifecycleStage> stageOf(String value) {
        String key = FieldKey.of(value);
        if (ignored.contains(key)) {
            return Optional.empty();
        }
        LifecycleStage stage = chosen.get(key);
        return stage != null ? Optional.of(stage) : StageWords.stageOf(value);
    }

    /** Whether the value was chosen to be ignored (as opposed to not known). */
    public boolean ignores(String value) {
        return ignored.contains(FieldKey.of(value));
    }
}
