package io.leadline.core.lead;

import java.time.Instant;
import java.util.List;

/**
 * Segments that are lists of leads rather than saved searches: a marketer adds leads to one (by hand, from the lead
 * list) and takes them out again; the list opens as the lead list filtered to its members. Implemented by
 * lead-persistence.
 */
public interface SegmentMembers {

    /** A segment that holds leads: its id and name. */
    record SegmentList(long id, String name) {}

    /** The segments that are lists, by name. */
    List<SegmentList> lists();

    /** A new, empty list; refused when a segment has that name already. */
    SegmentList createList(String name, String by, Instant at);

    /**
     * Adds the leads to the list; answers the ones added (a lead already in it, or gone, is not). Refused when the
     * segment is a saved search or does not exist.
     */
    List<Long> add(long segmentId, List<Long> leadIds, String by, Instant at);

    /** Takes the leads out of the list; answers the ones that were in it. */
    List<Long> remove(long segmentId, List<Long> leadIds);
}
