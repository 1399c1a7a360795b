package vn.trean.casefile;

import java.util.Set;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;

/**
 * What of a case each reader's role needs: the one rule, applied to the API and the pages alike.
 *
 * <p>The commune officer and chairman run the case and the province supervisor oversees it: they see
 * all of it. Every other agency a step was routed to (police, school, health station, the hotline
 * that received the report) sees the child, the category and what was asked of it: its own steps
 * with what it recorded, and the plan measures routed to its role. It sees a report's details
 * (family situation, informant, condition) only if it received that report itself, and neither other
 * agencies' step records nor who read the file.
 */
public final class CaseVisibility {

    private static final Set<Role> RUN_OR_OVERSEE_CASES =
            Set.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN, Role.PROVINCE_SUPERVISOR);

    private CaseVisibility() {
    }

    public static boolean seesWholeCase(Role role) {
        return RUN_OR_OVERSEE_CASES.contains(role);
    }

    /** The case as {@code reader} may see it; the reader is already known to need to know the case. */
    public static CaseView cut(CaseView view, CurrentUser reader) {
        return cut(view, reader, false);
    }

    /**
     * @param formerCommune the reader works in a commune the case was transferred away from (issue 9 item 4): its
     *                      officer and chairman no longer run the case and keep reading what they did, as any
     *                      other agency of the case
     */
    public static CaseView cut(CaseView view, CurrentUser reader, boolean formerCommune) {
        if (seesWholeCase(reader.role()) && !formerCommune) {
            return view;
        }
        boolean receivedIt = view.report() != null && reader.agencyId().equals(view.report().receivingAgencyId());
        String roleKey = measureRoleOf(reader.role());
        return new CaseView(view.id(), view.caseNumber(), view.communeCode(), view.provinceCode(), view.category(),
                view.status(), view.protectionLevel(), view.emergency(), view.receivedAt(), view.createdAt(),
                view.closedAt(), view.reopenedFrom(), view.child(), receivedIt ? view.report() : null,
                view.steps().stream().filter(s -> reader.agencyId().equals(s.agencyId())).toList(),
                view.measures().stream().filter(m -> m.responsibleRole().equals(roleKey)).toList(),
                view.linkedReports().stream().filter(r -> reader.agencyId().equals(r.receivingAgencyId())).toList(),
                view.closingOutcome(), view.closingReason(), view.criminalProcedure());
    }

    /**
     * A possible duplicate as a receiving point sees it. One who needs to know the case sees the whole
     * match; anyone else only what decides "same child?" — case number, commune, status, age and the
     * initials — and no case id: the match reference links a report and opens nothing.
     */
    public static CaseFiles.DuplicateCandidate forDuplicateCheck(CaseFiles.DuplicateCandidate match, boolean needsToKnow) {
        if (needsToKnow) {
            return match;
        }
        return new CaseFiles.DuplicateCandidate(match.matchRef(), match.caseNumber(), match.communeCode(),
                match.status(), match.ageYears(), match.initials(), null, null, null, null, null);
    }

    /**
     * A case in the list ({@link CaseSearch}) as the reader sees it: as {@link #forDuplicateCheck} cuts a match, one
     * who does not see the whole case sees the initials, not the name.
     */
    public static CaseSearch.Row forList(CaseSearch.Row row, boolean seesWholeCase) {
        if (seesWholeCase) {
            return row;
        }
        return new CaseSearch.Row(row.caseId(), row.caseNumber(), row.communeCode(), null, row.initials(),
                row.ageYears(), row.category(), row.status(), row.transferred(), row.emergency(), row.receivedAt(),
                row.lastActivityAt());
    }

    /**
     * Whether the reader sees a document of a case they need to know: those who run or oversee the case
     * see all; every other agency sees the documents it added itself, as it sees only its own steps.
     */
    public static boolean seesDocument(CurrentUser reader, String addedByAgencyId) {
        return seesWholeCase(reader.role()) || reader.agencyId().equals(addedByAgencyId);
    }

    /**
     * The child as a list names them to the reader: the full name for those who see the whole case, the initials
     * ("N.T.H.") for every other agency, which recognises its own child by them without a name on every line.
     */
    public static String childNameFor(Role role, String fullName) {
        return fullName == null || seesWholeCase(role) ? fullName : initials(fullName);
    }

    /** "Nguyễn Thị Hoà" → "N.T.H.": enough to tell two children apart on a call, not enough to name one. */
    public static String initials(String fullName) {
        StringBuilder initials = new StringBuilder();
        for (String word : fullName.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0))).append('.');
            }
        }
        return initials.toString();
    }

    /** The plan's name for the role (draft_plan.form, responsibleRole), or null for roles no measure is routed to. */
    public static String measureRoleOf(Role role) {
        return switch (role) {
            case POLICE -> "police";
            case EDUCATION -> "education";
            case HEALTH -> "health";
            case COMMUNE_OFFICER -> "commune-officer";
            default -> null;
        };
    }
}
