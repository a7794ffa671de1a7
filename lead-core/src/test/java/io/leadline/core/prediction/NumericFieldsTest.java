package io.leadline.core.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.lead.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericFieldsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1234|1234", "-1|-1", "3.5|3.5", "3,5|3.5", "1,234.5|1234.5", "1_234|1234", "0|0"})
    void numbers_as_exports_write_them(String text, double expected) {
        assertThat(FieldType.number(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"12a", "a12", "1.2.3", "'--1'", "''", "1e5x"})
    void anything_else_is_not_a_number(String text) {
        assertThat(FieldType.number(text)).isNull();
    }

    private static List<Example> leads(int n, IntFunction<Map<String, String>> fields) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            examples.add(new Example(fields.apply(i), Map.of(), i % 3 == 0));
        }
        return examples;
    }

    @Test
    void a_measure_is_a_number_a_rating_and_a_code_with_letters_are_not() {
        List<Example> examples = leads(
                200,
                i -> Map.of(
                        "balance",
                        i == 7 ? "unknown balance" : String.valueOf(i * 37 - 500), // one odd value in 200
                        "rating",
                        String.valueOf(1 + i % 5), // five values: a category
                        "segment",
                        "s" + (i % 20),
                        "half numbers",
                        i % 2 == 0 ? String.valueOf(i) : "code " + i));
        assertThat(NumericFields.detect(examples)).containsExactly("balance");
    }

    @Test
    void typed_leads_carry_the_number_and_drop_what_is_not_one() {
        Example e = new Example(Map.of("balance", "1,250.5", "source", "email"), Map.of("email opens", 2.0), true);
        Example typed = NumericFields.typed(e, Set.of("balance"));
        assertThat(typed.categorical()).containsOnlyKeys("source");
        assertThat(typed.numeric()).containsEntry("balance", 1250.5).containsEntry("email opens", 2.0);
        assertThat(NumericFields.typed(new Example(Map.of("balance", "n/a"), Map.of(), false), Set.of("balance"))
                        .numeric())
                .isEmpty();
    }

    @Test
    void a_number_imported_as_text_ranks_by_its_value_and_a_bent_effect_is_learnt() {
        // Wins peak in the middle of the range: a straight line cannot say so, the ranges can.
        Random random = new Random(3);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            int age = 18 + random.nextInt(60);
            double rate = age >= 35 && age < 50 ? 0.5 : 0.08;
            examples.add(new Example(Map.of("age", String.valueOf(age)), Map.of(), random.nextDouble() < rate));
        }
        var trained = LikelihoodTrainer.train(examples, Set.of(), LikelihoodTrainer.Settings.defaults());
        assertThat(trained.model().columns())
                .extracting(PredictiveModel.Column::kind)
                .contains(PredictiveModel.Kind.NUMBER, PredictiveModel.Kind.BIN);
        assertThat(trained.model().columns())
                .as("no column per distinct age")
                .noneMatch(c -> c.kind() == PredictiveModel.Kind.CATEGORY);
        assertThat(trained.auc()).isGreaterThan(0.7);
        double middle = trained.model().likelihood(new Example(Map.of("age", "42"), Map.of(), false));
        double young = trained.model().likelihood(new Example(Map.of("age", "20"), Map.of(), false));
        double old = trained.model().likelihood(new Example(Map.of("age", "75"), Map.of(), false));
        assertThat(middle).isGreaterThan(2 * young).isGreaterThan(2 * old);
    }
}
