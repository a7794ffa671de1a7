package io.leadline.web.database;

/**
 * Which database Leadline uses at start-up, decided from what answers: a pure function of the {@link Situation},
 * so every case is tested without a server. In order: the configured server (creating the role and database on it
 * when the application's login or database is missing), the Postgres of docker-compose.yml when a Docker engine
 * answers, an embedded PostgreSQL kept under the user's home, or a refusal that says what to do.
 */
record BootstrapDecision(Plan plan, String reason) {

    enum Plan {
        /** The configured database answers to the application's role: use it as it is. */
        USE_CONFIGURED,
        /** The server answers but the role or the database is missing: create them with the administrator's login. */
        PROVISION_CONFIGURED,
        /** Nothing answers and Docker does: Boot's Docker Compose support starts docker-compose.yml's Postgres. */
        DOCKER_COMPOSE,
        /** Nothing answers and there is no Docker: start Leadline's embedded PostgreSQL. */
        EMBEDDED,
        /** None of these can work here. */
        REFUSE
    }

    /** What the configured URL answered when the application's role tried to connect. */
    enum Probe {
        REACHED,
        /** The role logs in, but may not create Leadline's tables there (a database someone else owns). */
        NOT_OWNER,
        DATABASE_MISSING,
        LOGIN_REFUSED,
        NO_SERVER
    }

    /**
     * @param local the configured URL names this machine (127.0.0.1, localhost, ::1): only then may Leadline start a
     *     server of its own in its place
     * @param dockerWithCompose a Docker engine answers and docker-compose.yml is there
     * @param embeddedEnabled {@code leadline.database.embedded.enabled}
     * @param embeddedSupported Leadline has PostgreSQL binaries for this platform
     * @param root this process runs as root, where PostgreSQL must run as another user
     * @param canSwitchUser {@code runuser} and {@code useradd} are there to run it as that user
     */
    record Situation(
            Probe probe,
            boolean local,
            boolean dockerWithCompose,
            boolean embeddedEnabled,
            boolean embeddedSupported,
            boolean root,
            boolean canSwitchUser) {}

    static BootstrapDecision decide(Situation s) {
        return switch (s.probe()) {
            case REACHED -> new BootstrapDecision(Plan.USE_CONFIGURED, "the configured database answers");
            case DATABASE_MISSING ->
                new BootstrapDecision(Plan.PROVISION_CONFIGURED, "the server answers, the database does not exist yet");
            case LOGIN_REFUSED ->
                new BootstrapDecision(Plan.PROVISION_CONFIGURED, "the server refused the application's login");
            case NOT_OWNER ->
                new BootstrapDecision(
                        Plan.PROVISION_CONFIGURED, "the application's role may not create its tables in the database");
            case NO_SERVER -> noServer(s);
        };
    }

    private static BootstrapDecision noServer(Situation s) {
        if (!s.local()) {
            return new BootstrapDecision(
                    Plan.REFUSE, "the configured server is not on this machine and does not answer");
        }
        if (s.dockerWithCompose()) {
            return new BootstrapDecision(Plan.DOCKER_COMPOSE, "no PostgreSQL answers and a Docker engine does");
        }
        if (!s.embeddedEnabled()) {
            return new BootstrapDecision(
                    Plan.REFUSE, "no PostgreSQL answers, no Docker engine, and the embedded server is switched off");
        }
        if (!s.embeddedSupported()) {
            return new BootstrapDecision(
                    Plan.REFUSE,
                    "no PostgreSQL answers, no Docker engine, and the embedded server has no binaries for this platform");
        }
        if (s.root() && !s.canSwitchUser()) {
            return new BootstrapDecision(
                    Plan.REFUSE,
                    "PostgreSQL refuses to run as root, and runuser and useradd are not there to run it as another user");
        }
        return new BootstrapDecision(Plan.EMBEDDED, "no PostgreSQL answers and no Docker engine");
    }
}
