package io.leadline.core.account;

import java.time.Instant;

/** Something a lead of the account did, for the account's timeline. */
public record AccountActivity(long leadId, String leadName, String type, Instant at, String detail) {}
