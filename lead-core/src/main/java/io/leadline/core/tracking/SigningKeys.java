package io.leadline.core.tracking;

/**
 * Keys for values that live outside Leadline for months (links in sent emails), the same on every instance and after
 * every restart. Implemented by lead-persistence.
 */
public interface SigningKeys {

    /** The key for this purpose, made on first use. */
    byte[] key(String purpose);
}
