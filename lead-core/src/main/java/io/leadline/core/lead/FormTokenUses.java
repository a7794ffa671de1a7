package io.leadline.core.lead;

import java.time.Instant;

/** The nonces of public-form tokens already used (a port): a token serves one submission. */
public interface FormTokenUses {

    /** Records the use; false when the nonce was used before (the same form sent twice). */
    boolean firstUse(String nonce, Instant at);

    void forget(Instant usedBefore);
}
