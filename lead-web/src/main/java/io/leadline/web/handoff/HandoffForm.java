package io.leadline.web.handoff;

import io.leadline.core.queue.HandRaisers;
import io.leadline.core.queue.HandoffPolicy;
import io.leadline.core.queue.QueueFilter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The hand-off policy as the settings form sends it. */
public class HandoffForm {

    @Size(max = 500, message = "List at most a few dozen activity types.")
    private String handRaiserTypes = "";

    @NotNull(message = "Say for how many days a hand-raise counts.")
    @Min(value = 1, message = "A hand-raise counts for 1 to " + HandRaisers.MAX_DAYS + " days.")
    @Max(value = HandRaisers.MAX_DAYS, message = "A hand-raise counts for 1 to " + HandRaisers.MAX_DAYS + " days.")
    private Integer handRaiserDays;

    @NotNull(message = "Choose how the rest of the queue is ranked.")
    private QueueFilter.Order order;

    private boolean roundRobin;

    static HandoffForm of(HandoffPolicy policy) {
        HandoffForm form = new HandoffForm();
        form.handRaiserTypes = policy.handRaisers().typesText();
        form.handRaiserDays = policy.handRaisers().days();
        form.order = policy.order();
        form.roundRobin = policy.roundRobin();
        return form;
    }

    /** The policy; an activity type that is not one is refused with the domain's message. */
    HandoffPolicy policy() {
        return new HandoffPolicy(HandRaisers.parse(handRaiserTypes, handRaiserDays), order, roundRobin);
    }

    public String getHandRaiserTypes() {
        return handRaiserTypes;
    }

    public void setHandRaiserTypes(String handRaiserTypes) {
        this.handRaiserTypes = handRaiserTypes == null ? "" : handRaiserTypes;
    }

    public Integer getHandRaiserDays() {
        return handRaiserDays;
    }

    public void setHandRaiserDays(Integer handRaiserDays) {
        this.handRaiserDays = handRaiserDays;
    }

    public QueueFilter.Order getOrder() {
        return order;
    }

    public void setOrder(QueueFilter.Order order) {
        this.order = order;
    }

    public boolean isRoundRobin() {
        return roundRobin;
    }

    public void setRoundRobin(boolean roundRobin) {
        this.roundRobin = roundRobin;
    }
}
