package io.leadline.core.qualification;

import java.util.List;

/** Promotion to SQL refused: the BANT policy is not met, and this says what is missing. */
public class NotSalesReadyException extends RuntimeException {

    private final List<String> missing;

    public NotSalesReadyException(List<String> missing) {
        super("Not ready for SQL: " + String.join("; ", missing) + ".");
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
