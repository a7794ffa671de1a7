package io.leadline.core.account;

import java.time.Instant;

/**
 * An account reached the MQA bar: enough score with enough engaged contacts. Published with the stored roll-up,
 * delivered after it commits, at least once. {@code bestLeadId}: its best contact, whom a notice or a CRM opens.
 */
public record AccountBecameMqa(
        long accountId, String name, String owner, long bestLeadId, int score, int engagedContacts, Instant at) {}
