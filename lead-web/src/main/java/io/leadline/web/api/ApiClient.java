package io.leadline.web.api;

import io.leadline.core.user.Role;

/** Who calls the API: the token's id, its name (shown as the actor in history and audit) and the role it acts with. */
public record ApiClient(long tokenId, String name, Role role) {

    /** How the client shows in stage history and the audit log. */
    public String actor() {
        return "api:" + name;
    }

    @Override
    public String toString() {
        return actor();
    }
}
