package io.leadline.core.user;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Failed attempts and known addresses, shared by every instance (a port: lead-persistence stores them). */
public interface SignInRecords {

    /**
     * Counts one failure under {@code key}, starting again from one when the last failure is before
     * {@code forgetBefore}, and blocks the key until {@code until(count)} when that gives a time.
     *
     * @return the failures counted under the key now
     */
    int failed(String key, Instant now, Instant forgetBefore, IntFunction<Instant> until);

    /** The blocks among {@code keys} that end after {@code now}. */
    Map<String, Instant> blocks(Collection<String> keys, Instant now);

    void clear(String key);

    /** Drops counts whose last failure is before {@code before} and that block nothing any more. */
    void forget(Instant before, Instant now);

    void signedIn(String username, String address, Instant now);

    boolean knownAddress(String username, String address);

    /** Every key blocked after {@code now}, for admins. */
    List<Block> blocked(Instant now);

    record Block(String key, int failures, Instant lastFailureAt, Instant until) {}
}
