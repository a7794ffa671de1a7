package io.leadline.core.lead;

import java.time.Instant;
import java.util.Map;

/** The types of the custom fields leads carry, told from their values ({@code FieldTypes.detect}). */
public interface CustomFieldTypes {

    /** Every custom field that was checked, by key. A field not checked yet is text until it is. */
    Map<String, FieldType> known();

    /** Checks the fields the leads of an import carry, from a sample of their values. */
    void checkImport(long importJobId, Instant at);

    /** Checks every custom field, from a sample of its values over all leads; answers the types. */
    Map<String, FieldType> checkAll(Instant at);
}
