package io.leadline.web.handoff;

import io.leadline.core.queue.AssignmentRule;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new assignment rule as the settings form sends it. */
public class RuleForm {

    @NotNull(message = "Choose what the rule matches on.")
    private AssignmentRule.Kind kind;

    @Size(max = 200, message = "A value is at most 200 characters.")
    private String value;

    private String rep;

    /** The rule; a missing value or rep is refused with the domain's message. */
    AssignmentRule rule() {
        return new AssignmentRule(kind, value, rep);
    }

    public AssignmentRule.Kind getKind() {
        return kind;
    }

    public void setKind(AssignmentRule.Kind kind) {
        this.kind = kind;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getRep() {
        return rep;
    }

    public void setRep(String rep) {
        this.rep = rep;
    }
}
