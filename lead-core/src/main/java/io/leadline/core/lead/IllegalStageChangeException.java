package io.leadline.core.lead;

import io.leadline.core.Refusal;
import io.leadline.core.Refused;
import java.util.List;
import java.util.stream.Collectors;

/** A lifecycle move the rules do not allow, e.g. claiming a lead that is already won. */
public class IllegalStageChangeException extends RuntimeException implements Refused {

    private final LifecycleStage from;
    private final LifecycleStage to;

    public IllegalStageChangeException(LifecycleStage from, LifecycleStage to) {
        super("A lead cannot move from " + from.label() + " to " + to.label() + "; from " + from.label()
                + (from.next().isEmpty()
                        ? " it cannot move at all."
                        : " it can move to "
                                + from.next().stream()
                                        .map(LifecycleStage::label)
                                        .collect(Collectors.joining(", "))
                                + "."));
        this.from = from;
        this.to = to;
    }

    @Override
    public String key() {
        return from.next().isEmpty() ? "stage.stuck" : "stage.move";
    }

    @Override
    public List<Object> arguments() {
        return List.of(
                word(from),
                word(to),
                from.next().stream().map(IllegalStageChangeException::word).toList());
    }

    private static Refusal.Word word(LifecycleStage stage) {
        return new Refusal.Word("stage." + stage.name(), stage.label());
    }
}
