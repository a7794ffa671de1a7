package io.leadline.core.scoring;

/** One line of a score receipt: which rule gave how many points, and on what evidence. */
public record ReceiptLine(String rule, String evidence, int points) {
}
