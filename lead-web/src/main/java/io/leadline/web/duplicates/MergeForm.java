package io.leadline.web.duplicates;

import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The merge page's answer: which lead survives, both as last seen, and the fields taken from the merged one. */
public class MergeForm {

    @NotNull
    private Long survivorId;

    @NotNull
    private Long survivorVersion;

    @NotNull
    private Long mergedId;

    @NotNull
    private Long mergedVersion;

    private List<String> fromMerged = List.of();

    public Long getSurvivorId() {
        return survivorId;
    }

    public void setSurvivorId(Long survivorId) {
        this.survivorId = survivorId;
    }

    public Long getSurvivorVersion() {
        return survivorVersion;
    }

    public void setSurvivorVersion(Long survivorVersion) {
        this.survivorVersion = survivorVersion;
    }

    public Long getMergedId() {
        return mergedId;
    }

    public void setMergedId(Long mergedId) {
        this.mergedId = mergedId;
    }

    public Long getMergedVersion() {
        return mergedVersion;
    }

    public void setMergedVersion(Long mergedVersion) {
        this.mergedVersion = mergedVersion;
    }

    public List<String> getFromMerged() {
        return fromMerged;
    }

    public void setFromMerged(List<String> fromMerged) {
        this.fromMerged = fromMerged == null ? List.of() : fromMerged;
    }

    Set<String> fields() {
        return new LinkedHashSet<>(fromMerged);
    }
}
