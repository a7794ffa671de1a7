package io.leadline.core.importing;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadSources;
import java.util.Optional;

/**
 * How a cell reads for the standard field its column feeds, said for the mapping page before anything is imported:
 * {@code "1,200" reads as 1200 employees}, {@code "Korea, Republic of" reads as KR}. Dates have their own hint (the
 * column's format); stages their value table.
 */
public final class CellReading {

    private CellReading() {}

    /** The sentence for the cell, or empty when the field has nothing to tell (text kept as it is, dates, stages). */
    public static Optional<String> of(ImportField field, String cell) {
        String value = CellText.clean(cell);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String quoted = "\"" + value + "\" ";
        return Optional.ofNullable(
                switch (field) {
                    case COMPANY_SIZE ->
                        LeadRow.companySize(value)
                                .map(n -> quoted + "reads as " + n + " employees")
                                .orElse(quoted + "is not a number of employees: such rows are rejected");
                    case COUNTRY ->
                        Countries.isoCode(value)
                                .map(code -> quoted + "reads as " + code)
                                .orElse(quoted + "is no country Leadline knows: left blank, with a warning");
                    case EMAIL ->
                        EmailAddress.parse(value)
                                .map(e -> quoted + "reads as " + e.value())
                                .orElse(
                                        quoted
                                                + "is not an email address: such rows are rejected unless they have an external id");
                    case SOURCE -> quoted + "reads as the source " + LeadSources.key(value);
                    default -> null;
                });
    }
}
