package io.leadline.core.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which account (company) a lead belongs to, as one key for every spelling of the company's name a form or a
 * CRM export brings: {@code "ACME, Inc."}, {@code "Acme inc"} and {@code "  acme "} are all {@code acme}.
 * Letters are lower-cased and stripped of accents, punctuation becomes a space, and legal forms at the end
 * ({@code Inc}, {@code GmbH}, {@code Ltda}, {@code S.A.}, …) are dropped. A name that is nothing but a legal
 * form or punctuation has no key: such leads belong to no account.
 */
public record AccountKey(String value) {

    /** Longest key kept, as the column allows. */
    public static final int MAX_LENGTH = 200;

    /** Legal forms dropped from the end of a name; written as the words they become once punctuation is a space. */
    private static final Set<String> LEGAL_FORMS = Set.of(
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "co",
            "company",
            "llc",
            "llp",
            "lp",
            "ltd",
            "limited",
            "plc",
            "gmbh",
            "ag",
            "kg",
            "ug",
            "se",
            "sa",
            "sas",
            "sarl",
            "srl",
            "spa",
            "bv",
            "nv",
            "oy",
            "ab",
            "as",
            "aps",
            "pty",
            "pte",
            "kk",
            "ltda",
            "me",
            "epp",
            "eireli",
            "mei",
            "cia",
            "s a",
            "s l",
            "sl");

    public AccountKey {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH || !value.equals(value.strip())) {
            throw new IllegalArgumentException(
                    "an account key is a non-blank, stripped text of at most " + MAX_LENGTH + " characters");
        }
    }

    /** The key of a company name, absent when the name is unknown or has nothing but legal forms and punctuation. */
    public static Optional<AccountKey> of(String company) {
        if (company == null || company.isBlank()) {
            return Optional.empty();
        }
        // Accents come off by decomposition; plain ASCII names (most of them) need none.
        String folded = (isAscii(company) ? company : Normalizer.normalize(company, Normalizer.Form.NFKD))
                .toLowerCase(Locale.ROOT);
        StringBuilder words = new StringBuilder(folded.length());
        boolean space = true;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '&') {
                words.append(c);
                space = false;
            } else if (!space) {
                words.append(' ');
                space = true;
            }
        }
        String text = words.toString().strip();
        // Legal forms at the end go, one or two words at a time ("S.A." became "s a"; every two-word form ends in a
        // one-letter word), with an "&" between them ("GmbH & Co. KG"); the first word always stays. By index, not by
        // splitting: every imported row passes here.
        int firstEnd = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
        int end = text.length();
        while (end > firstEnd) {
            int lastStart = text.lastIndexOf(' ', end - 1) + 1;
            String last = text.substring(lastStart, end);
            if (last.length() == 1 && lastStart - 1 > firstEnd) {
                int previousStart = text.lastIndexOf(' ', lastStart - 2) + 1;
                if (LEGAL_FORMS.contains(text.substring(previousStart, end))) {
                    end = previousStart - 1;
                    continue;
                }
            }
            if (LEGAL_FORMS.contains(last) || last.equals("&")) {
                end = lastStart - 1;
            } else {
                break;
            }
        }
        String key = text.substring(0, end);
        if (key.isEmpty() || LEGAL_FORMS.contains(key)) {
            return Optional.empty();
        }
        return Optional.of(new AccountKey(
                key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH).strip() : key));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
