package io.leadline.core.account;

import java.util.List;
import java.util.Locale;

/** Where a contact sits in the buying committee, read from the job title. */
public enum BuyingRole {
    EXECUTIVE(List.of("ceo", "cto", "cfo", "coo", "cmo", "chief", "founder", "owner", "president")),
    DECISION_MAKER(List.of("vp", "vice president", "director", "head")),
    MANAGER(List.of("manager", "lead", "supervisor")),
    PRACTITIONER(List.of()),
    UNKNOWN(List.of());

    private final List<String> words;

    BuyingRole(List<String> words) {
        this.words = words;
    }

    public static BuyingRole of(String jobTitle) {
        if (jobTitle == null || jobTitle.isBlank()) {
            return UNKNOWN;
        }
        String padded = " " + jobTitle.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        for (BuyingRole role : values()) {
            if (role.words.stream().anyMatch(w -> padded.contains(" " + w + " "))) {
                return role;
            }
        }
        return PRACTITIONER;
    }
}
