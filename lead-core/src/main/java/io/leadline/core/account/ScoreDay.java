package io.leadline.core.account;

import java.time.LocalDate;

/** An account's score at the end of a day (UTC), and whether it was an MQA then. */
public record ScoreDay(LocalDate day, int score, boolean mqa) {}
