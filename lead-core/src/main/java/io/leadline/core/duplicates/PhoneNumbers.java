package io.leadline.core.duplicates;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers as E.164 (libphonenumber), to tell whether two leads' numbers are one. The database pairs numbers by
 * their last nine digits (V49's phone key, the same for every writer); here the pair is confirmed: two numbers that
 * both resolve to E.164 are one only if their E.164 forms are equal ({@code +55 11 98765-4321} and {@code (11)
 * 98765-4321} of a Brazilian lead are; a London and a São Paulo number ending alike are not). A number that does not
 * resolve (no country code, no country on the lead) is taken on its digits.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** The number in E.164 ({@code +5511987654321}), read with the lead's country (ISO code) for national formats. */
    public static Optional<String> e164(String raw, String country) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = NUMBERS.parse(raw, country == null ? "ZZ" : country);
            return NUMBERS.isPossibleNumber(number)
                    ? Optional.of(NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether two numbers whose last digits agree are one number: unless both resolve to different E.164 forms. */
    public static boolean same(String one, String oneCountry, String other, String otherCountry) {
        Optional<String> a = e164(one, oneCountry).or(() -> e164(one, otherCountry));
        Optional<String> b = e164(other, otherCountry).or(() -> e164(other, oneCountry));
        return a.isEmpty() || b.isEmpty() || a.get().equals(b.get());
    }
}
