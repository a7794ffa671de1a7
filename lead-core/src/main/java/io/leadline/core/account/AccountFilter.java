package io.leadline.core.account;

/**
 * Which accounts the accounts view shows: only MQAs, only one owner's (or, with {@link #UNOWNED}, nobody's), only those
 * with a lead from a source, only those with at least {@code minimumRoles} buying roles engaged.
 */
public record AccountFilter(boolean mqaOnly, String owner, String source, int minimumRoles) {

    /** The owner filter for accounts nobody owns. */
    public static final String UNOWNED = "-";

    public AccountFilter {
        owner = owner == null || owner.isBlank() ? null : owner.strip();
        source = source == null || source.isBlank() ? null : source.strip();
        minimumRoles = Math.max(0, Math.min(minimumRoles, BuyingRole.values().length));
    }

    public static AccountFilter all() {
        return new AccountFilter(false, null, null, 0);
    }
}
