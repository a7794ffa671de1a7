package io.leadline.core.account;

/** A place in the accounts view (keyset pagination: best score first, then the higher account id). */
public record AccountPosition(int score, long accountId) {

    /** "120-5531" as a page link carries it. */
    public String token() {
        return score + "_" + accountId;
    }

    /** The position a page link carried, or null when there is none or it does not read as one. */
    public static AccountPosition parse(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        int cut = token.lastIndexOf('_');
        try {
            return cut <= 0
                    ? null
                    : new AccountPosition(
                            Integer.parseInt(token.substring(0, cut)), Long.parseLong(token.substring(cut + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
