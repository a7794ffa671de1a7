package io.leadline.web.database;

/** Leadline cannot start because no usable PostgreSQL answered. */
class DatabaseUnavailableException extends RuntimeException {

    private final String action;

    DatabaseUnavailableException(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
