package vn.trean.intake;

import java.util.List;
import java.util.Map;
import vn.trean.casefile.NewCase;
import vn.trean.problem.InvalidFieldsProblem;

/** How a collaborator's short report becomes a Form 01, and how Form 01's refusals name the short form's fields. */
final class QuickReports {

    /** What a collaborator sees with their own eyes in the village: Form 01's channel "in person". */
    static final String CHANNEL = "IN_PERSON";
    static final String UNNAMED_CHILD = "Chưa rõ tên";

    /** Form 01 field → the short form's field that fed it. */
    private static final Map<String, String> FIELDS = Map.of(
            "receivedAt", "learnedAt", "child.fullName", "child", "child.estimatedAge", "ageRange",
            "child.dateOfBirth", "ageRange", "currentCondition", "whatHappened", "place", "place",
            "communeCode", "communeCode");

    private QuickReports() {
    }

    /**
     * The category stays "at risk" whatever the collaborator wrote: whether the child was abused is the
     * officer's finding at verification, not a volunteer's. The urgency and the age range are kept in the
     * text the officer reads first, and the time the collaborator learned of it starts the 12 hours.
     */
    static FileReportRequest asForm01(QuickReportRequest q, String communeCode) {
        String child = q.child() == null || q.child().isBlank() ? UNNAMED_CHILD : q.child().trim();
        String condition = (Boolean.TRUE.equals(q.urgent()) ? "[KHẨN CẤP] " : "")
                + "[Cộng tác viên báo tin; độ tuổi: " + label(q.ageRange()) + "] " + q.whatHappened().trim();
        return new FileReportRequest(communeCode, q.learnedAt(), CHANNEL, NewCase.CaseCategory.AT_RISK, List.of(),
                new FileReportRequest.ChildRequest(child, null, q.ageRange().estimate(), NewCase.Sex.UNKNOWN),
                q.place().trim(), condition, null, null, null, null, null, null, null);
    }

    static InvalidFieldsProblem renamed(InvalidFieldsProblem problem) {
        var violations = problem.violations().stream()
                .map(v -> new InvalidFieldsProblem.Violation(FIELDS.getOrDefault(v.field(), v.field()), v.code(), v.args()))
                .toList();
        return new InvalidFieldsProblem(problem.status(), problem.code(), violations, problem.args());
    }

    private static String label(QuickReportRequest.AgeRange range) {
        return switch (range) {
            case UNDER_3 -> "dưới 3";
            case AGE_3_TO_5 -> "3–5";
            case AGE_6_TO_10 -> "6–10";
            case AGE_11_TO_15 -> "11–15";
        };
    }
}
