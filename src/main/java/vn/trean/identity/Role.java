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
    ADMIN;

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
}
