package io.leadline.core.inbox;

import java.time.Instant;
import java.util.List;

/**
 * Every user's inbox, kept in the database so that every instance shows the same. Implemented by lead-persistence.
 */
public interface Inbox {

    /**
     * Puts a notice in the user's inbox, once per {@code key}: a second delivery of the same event (at-least-once
     * listeners) adds nothing; a text longer than {@link InboxItem#MAX_TEXT} is shortened. Answers whether it was added.
     */
    boolean deliver(String username, InboxItem.Kind kind, long leadId, String text, Instant at, String key);

    int unread(String username);

    /** The user's latest notices, newest first. */
    List<InboxItem> latest(String username, int limit);

    /** Marks one of the user's notices read; false if it is not theirs or does not exist. */
    boolean markRead(long id, String username, Instant at);

    /** Marks all the user's notices read; answers how many were unread. */
    int markAllRead(String username, Instant at);
}
