package io.leadline.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadCountTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|0|0 leads",
                "1|1|1 lead",
                "1718|1,718|1,718 leads",
                "10000|10,000|10,000 leads",
                "10001|10,000+|more than 10,000 leads"
            })
    void a_count_reads_exactly_up_to_ten_thousand_then_more(long counted, String figure, String leads) {
        assertThat(new LeadCount(counted).figure()).isEqualTo(figure);
        assertThat(new LeadCount(counted).leads()).isEqualTo(leads);
        assertThat(LeadCount.CAP).isEqualTo(LeadCount.UP_TO + 1);
    }
}
