package io.leadline.core.lead;

import java.util.Collection;
import java.util.List;

/** Which leads just came back from nurture, and who sent them there (a port: lead-persistence reads the history). */
public interface NurtureHistory {

    /** Among these leads, the MQLs whose last move was out of RECYCLED, with the actor who recycled them. */
    List<Returned> returnedFromNurture(Collection<Long> leadIds);

    record Returned(long leadId, String name, String recycledBy) {}
}
