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
    PROVINCE_ADMIN,
    /**
     * Cộng tác viên bảo vệ trẻ em of a village (thôn, tổ dân phố), in a VILLAGE_COLLABORATOR agency of a commune:
     * files a report from a phone through the short form and sees the status of the reports they filed,
     * nothing else (issue 9, item 5). Never reads a case file.
     */
    COLLABORATOR;

    /**
     * May file a report (Form 01) through the full form: the receiving points Decree 56 Art. 25 names — the
     * hotline, the commune, the police, schools (school violence), health facilities, and the province
     * department (labour before the 2025 reform, health since), which is also where legacy district offices'
     * people sit.
     */
    public boolean receivesReports() {
        return switch (this) {
            case HOTLINE_OPERATOR, COMMUNE_OFFICER, COMMUNE_CHAIRMAN, POLICE, EDUCATION, HEALTH, PROVINCE_SUPERVISOR -> true;
            default -> false;
        };
    }

    /** Files a report only through the short form of a phone (a village collaborator). */
    public boolean filesQuickReports() {
        return this == COLLABORATOR;
    }

    /**
     * May read a case file at all (need-to-know decides which). A collaborator may not, not even the case of
     * their own report: they see its number and a coarse status in their list of filed reports.
     */
    public boolean readsCaseFiles() {
        return this != COLLABORATOR;
    }

    /**
     * May reopen a closed case it can see (issue 12, item 7): the commune's officer and chairman, who run the
     * new cycle, and the province, which supervises it. A new case starts a process and its deadlines, so the
     * other agencies ask the commune.
     */
    public boolean reopensCases() {
        return this == COMMUNE_OFFICER || this == COMMUNE_CHAIRMAN || this == PROVINCE_SUPERVISOR;
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
