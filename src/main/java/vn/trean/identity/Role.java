package vn.trean.identity;

/** What a person does in the procedure. Each user has one role and belongs to one agency. */
public enum Role {
    HOTLINE_OPERATOR,
    COMMUNE_OFFICER,
    COMMUNE_CHAIRMAN,
    POLICE,
    EDUCATION,
    HEALTH,
    PROVINCE_SUPERVISOR,
    PROCESS_OWNER,
    ADMIN,
    /**
     * Administers one province only: the agencies of its units, their people and the province's own routing
     * rules (issue 8, items 2-4). Reaches neither the engine's tools nor integration tokens.
     */
    PROVINCE_ADMIN;

    /** May file a report (Form 01): the receiving points. */
    public boolean receivesReports() {
        return this == HOTLINE_OPERATOR || this == COMMUNE_OFFICER || this == COMMUNE_CHAIRMAN || this == POLICE;
    }

    /** Supervises every case of the province of their agency. */
    public boolean supervisesProvince() {
        return this == PROVINCE_SUPERVISOR;
    }

    /** Reaches the engine's own tools: Cockpit, Tasklist, Admin and the engine REST API. */
    public boolean usesEngineTools() {
        return this == PROCESS_OWNER || this == ADMIN;
    }

    /** Administers agencies, people and routing rules: the whole country (ADMIN) or one province. */
    public boolean administers() {
        return this == ADMIN || this == PROVINCE_ADMIN;
    }

    /**
     * A role a province administrator may give (or take from) someone of their province. Not ADMIN nor
     * PROCESS_OWNER: both reach the whole country (every province's data, the shared process models), so only
     * an administrator of the installation grants them. PROVINCE_ADMIN is grantable: a province names its own
     * deputy or successor without waiting for the installation's administrator, and gains no power by it.
     */
    public boolean grantableByProvince() {
        return this != ADMIN && this != PROCESS_OWNER;
    }
}
