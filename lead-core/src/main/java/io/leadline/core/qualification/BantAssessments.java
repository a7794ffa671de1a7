package io.leadline.core.qualification;

/** The stored BANT answers of each lead. Implemented by lead-persistence. */
public interface BantAssessments {

    BantAssessment of(long leadId);

    /** Stores the answer, replacing the lead's earlier answer to the same criterion. */
    void save(long leadId, BantAnswer answer);
}
