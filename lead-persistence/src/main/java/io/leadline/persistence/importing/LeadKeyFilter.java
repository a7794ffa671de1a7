package io.leadline.persistence.importing;

/**
 * A Bloom filter of lead keys (normalised emails, external ids): about ten bits a key, so a million keys take 1.2 MB.
 * It answers "certainly not seen" or "maybe seen" — the second also, rarely (about 1 % at the planned size), for a key
 * it has not seen. The import sends every "maybe" through the exact SQL comparison, so a false "maybe" costs a little
 * time, never a wrong merge.
 */
final class LeadKeyFilter {

    private static final int BITS_PER_KEY = 10;
    private static final int PROBES = 7;

    private final long[] words;

    /** A filter planned for about {@code expectedKeys} keys; more make false "maybe"s likelier, not answers wrong. */
    LeadKeyFilter(long expectedKeys) {
        long blocks = Math.max(2, (expectedKeys * BITS_PER_KEY + 511) / 512);
        this.words = new long[(int) Math.min(Integer.MAX_VALUE / 8 - 8, blocks) * 8];
    }

    /** Adds the key; true if it may have been added before. */
    boolean add(String key) {
        return add(fingerprint(key));
    }

    /** True if the key may have been added. */
    boolean mayContain(String key) {
        return mayContain(fingerprint(key));
    }

    /** Adds a key by its {@link #fingerprint}; true if it may have been added before. */
    boolean add(long fingerprint) {
        int block = block(fingerprint);
        long probes = probes(fingerprint);
        boolean seen = true;
        for (int i = 0; i < PROBES; i++, probes >>>= 9) {
            int bit = (int) probes & 511;
            long mask = 1L << bit;
            int word = block + (bit >>> 6);
            if ((words[word] & mask) == 0) {
                seen = false;
                words[word] |= mask;
            }
        }
        return seen;
    }

    /** True if a key with this {@link #fingerprint} may have been added. */
    boolean mayContain(long fingerprint) {
        int block = block(fingerprint);
        long probes = probes(fingerprint);
        for (int i = 0; i < PROBES; i++, probes >>>= 9) {
            int bit = (int) probes & 511;
            if ((words[block + (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first word of the key's block: all of a key's bits lie in one block of 512 bits (a cache line), so adding
     * or asking costs one memory access where a plain Bloom filter costs one for each probe.
     */
    private int block(long fingerprint) {
        return (int) (Integer.toUnsignedLong((int) (fingerprint >>> 32)) % (words.length / 8)) * 8;
    }

    /** Seven bit positions within the block, nine bits each, from the fingerprint mixed once more. */
    private static long probes(long fingerprint) {
        return fingerprint * 0x9e3779b97f4a7c15L;
    }

    /** The key's fingerprint: FNV-1a over its characters, then MurmurHash3's final mix; never 0 (no key). */
    static long fingerprint(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
