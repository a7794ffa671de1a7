package io.leadline.core.lead;

import java.util.stream.Collectors;

/** A lifecycle move the rules do not allow, e.g. claiming a lead that is already won. */
public class IllegalStageChangeException extends RuntimeException {

    public IllegalStageChangeException(LifecycleStage from, LifecycleStage to) {
        super("A lead cannot move from " + from.label() + " to " + to.label() + "; from " + from.label()
                + (from.next().isEmpty()
                        ? " it cannot move at all."
                        : " it can move to "
                                + from.next().stream()
                                        .map(LifecycleStage::label)
                                        .collect(Collectors.joining(", "))
                                + "."));
    }
}
