package io.leadline.core.lead;

import io.leadline.core.Refused;
import java.util.List;

/** Another rep owns the lead already. */
public class LeadAlreadyClaimedException extends RuntimeException implements Refused {

    private final String owner;

    public LeadAlreadyClaimedException(String owner) {
        super("This lead is already claimed by " + owner + ".");
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }

    @Override
    public String key() {
        return "claimed";
    }

    @Override
    public List<Object> arguments() {
        return List.of(owner);
    }
}
