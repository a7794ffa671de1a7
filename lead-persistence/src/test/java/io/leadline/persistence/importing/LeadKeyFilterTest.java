package io.leadline.persistence.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeadKeyFilterTest {

    /** Email-like keys from a seeded generator: distinct by construction (the counter), random otherwise. */
    private static List<String> keys(long seed, int count, String domain) {
        Random random = new Random(seed);
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(Long.toString(random.nextLong() >>> 20, 36) + "." + i + "@" + domain);
        }
        return keys;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2026})
    void a_key_once_added_is_always_maybe_seen_even_when_the_filter_holds_more_than_planned(long seed) {
        LeadKeyFilter filter = new LeadKeyFilter(10_000);
        List<String> added = keys(seed, 30_000, "acme.com");
        added.forEach(filter::add);

        assertThat(added).allMatch(filter::mayContain);
        assertThat(added).allMatch(filter::add);
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 99, 31337})
    void at_the_planned_size_under_one_key_in_fifty_never_added_reads_as_maybe_seen(long seed) {
        LeadKeyFilter filter = new LeadKeyFilter(100_000);
        long firstAddsSeen =
                keys(seed, 100_000, "acme.com").stream().filter(filter::add).count();
        long falseMaybes = keys(seed + 1, 100_000, "other.org").stream()
                .filter(filter::mayContain)
                .count();

        // About 0.8 % at ten bits a key and seven probes; the bound leaves room for the seed.
        assertThat(falseMaybes).isLessThan(2_000);
        assertThat(firstAddsSeen).isLessThan(2_000);
    }
}
