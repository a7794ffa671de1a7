package io.leadline.web.handoff;

import io.leadline.core.Refusal;
import io.leadline.core.queue.HandRaisers;
import io.leadline.core.queue.HandoffPolicy;
import io.leadline.core.queue.QueueFilter;
import io.leadline.core.queue.ResponseSla;
import io.leadline.core.queue.WorkingHours;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import org.springframework.format.annotation.DateTimeFormat;

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

    /** How long before the SLA runs out the reps are warned; empty: when three quarters of it have passed. */
    @Min(value = 1, message = "Warn 1 minute to " + ResponseSla.MAX_HOURS + " hours before.")
    @Max(
            value = HandoffPolicy.MAX_WARNING_MINUTES,
            message = "Warn 1 minute to " + ResponseSla.MAX_HOURS + " hours before.")
    private Integer slaWarningMinutes;

    /** Count the SLA in working hours only. */
    private boolean workingHoursOnly;

    @Size(max = 60, message = "Name a time zone such as America/Sao_Paulo.")
    private String workZone = "UTC";

    private List<DayOfWeek> workDays = new ArrayList<>(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime workStart = LocalTime.of(9, 0);

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime workEnd = LocalTime.of(17, 0);

    static HandoffForm of(HandoffPolicy policy) {
        HandoffForm form = new HandoffForm();
        form.handRaiserTypes = policy.handRaisers().typesText();
        form.handRaiserDays = policy.handRaisers().days();
        form.order = policy.order();
        form.roundRobin = policy.roundRobin();
        form.slaWarningMinutes = policy.slaWarningMinutes();
        WorkingHours hours = policy.workingHours();
        form.workingHoursOnly = hours != null;
        if (hours != null) {
            form.workZone = hours.zone().getId();
            form.workDays = new ArrayList<>(new TreeSet<>(hours.days()));
            form.workStart = hours.start();
            form.workEnd = hours.end();
        }
        return form;
    }

    /** The policy; an activity type that is not one is refused with the domain's message. */
    HandoffPolicy policy() {
        return new HandoffPolicy(
                HandRaisers.parse(handRaiserTypes, handRaiserDays),
                order,
                roundRobin,
                workingHours(),
                slaWarningMinutes);
    }

    /**
     * The working hours, when the SLA counts only those.
     *
     * @throws WorkingHoursException naming the field at fault
     */
    WorkingHours workingHours() {
        if (!workingHoursOnly) {
            return null;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(workZone == null ? "" : workZone.strip());
        } catch (DateTimeException e) {
            throw new WorkingHoursException(
                    "workZone",
                    new Refusal(
                            "hours.zone",
                            "\"" + workZone
                                    + "\" is no time zone Leadline knows; use a name such as America/Sao_Paulo.",
                            workZone));
        }
        if (workStart == null || workEnd == null) {
            throw new WorkingHoursException(
                    "workStart",
                    new Refusal(
                            "hours.missing", "Give the hours the working day starts and ends, like 09:00 and 17:00."));
        }
        try {
            return new WorkingHours(
                    zone,
                    workDays == null ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(workDays),
                    workStart,
                    workEnd);
        } catch (IllegalArgumentException e) {
            throw new WorkingHoursException(workDays == null || workDays.isEmpty() ? "workDays" : "workEnd", e);
        }
    }

    /** Working hours that cannot be: the field and why. */
    static class WorkingHoursException extends IllegalArgumentException {
        private final String field;

        /** Lead-core's refusal of the hours, said on the field it concerns. */
        WorkingHoursException(String field, IllegalArgumentException refused) {
            super(refused.getMessage(), refused);
            this.field = field;
        }

        /** What to say: lead-core's refusal in the reader's language, or this message. */
        RuntimeException refusal() {
            return getCause() instanceof RuntimeException refused ? refused : this;
        }

        String field() {
            return field;
        }
    }

    public Integer getSlaWarningMinutes() {
        return slaWarningMinutes;
    }

    public void setSlaWarningMinutes(Integer slaWarningMinutes) {
        this.slaWarningMinutes = slaWarningMinutes;
    }

    public boolean isWorkingHoursOnly() {
        return workingHoursOnly;
    }

    public void setWorkingHoursOnly(boolean workingHoursOnly) {
        this.workingHoursOnly = workingHoursOnly;
    }

    public String getWorkZone() {
        return workZone;
    }

    public void setWorkZone(String workZone) {
        this.workZone = workZone;
    }

    public List<DayOfWeek> getWorkDays() {
        return workDays;
    }

    public void setWorkDays(List<DayOfWeek> workDays) {
        this.workDays = workDays;
    }

    public LocalTime getWorkStart() {
        return workStart;
    }

    public void setWorkStart(LocalTime workStart) {
        this.workStart = workStart;
    }

    public LocalTime getWorkEnd() {
        return workEnd;
    }

    public void setWorkEnd(LocalTime workEnd) {
        this.workEnd = workEnd;
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
