package io.leadline.core.lead;

/** Another rep owns the lead already. */
public class LeadAlreadyClaimedException extends RuntimeException {

    private final String owner;

    public LeadAlreadyClaimedException(String owner) {
        super("This lead is already claimed by " + owner + ".");
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }
}
