package io.leadline.core.account;

import java.time.Instant;

/** An account became marketing-qualified ({@code mqa}) or stopped being one, with its score then and why. */
public record MqaChange(boolean mqa, int score, String reason, Instant at) {}
