package vn.trean.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import vn.trean.intake.QuickReportRequest;
import vn.trean.intake.QuickReportRequest.AgeRange;

/** The short report form as the browser posts it (plain strings), read into the API's request. */
public class QuickReportForm {

    private String communeCode;
    private String whatHappened;
    private String child;
    private String ageRange;
    private String place;
    private String urgent;
    private String learnedAt;

    /** The request; a field the browser sent in a shape that cannot be read goes into {@code unreadable}. */
    QuickReportRequest toRequest(Map<String, String> unreadable) {
        OffsetDateTime learned = null;
        try {
            learned = learnedAt == null || learnedAt.isBlank() ? null
                    : LocalDateTime.parse(learnedAt).atZone(PageFormat.VIETNAM).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            unreadable.put("learnedAt", "field.date-time");
        }
        AgeRange range = Arrays.stream(AgeRange.values()).filter(r -> r.name().equals(ageRange)).findFirst().orElse(null);
        Boolean isUrgent = urgent == null || urgent.isBlank() ? null : "true".equals(urgent);
        return new QuickReportRequest(blankToNull(communeCode), whatHappened, blankToNull(child), range, place, isUrgent,
                learned);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getCommuneCode() { return communeCode; }
    public void setCommuneCode(String communeCode) { this.communeCode = communeCode; }
    public String getWhatHappened() { return whatHappened; }
    public void setWhatHappened(String whatHappened) { this.whatHappened = whatHappened; }
    public String getChild() { return child; }
    public void setChild(String child) { this.child = child; }
    public String getAgeRange() { return ageRange; }
    public void setAgeRange(String ageRange) { this.ageRange = ageRange; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getUrgent() { return urgent; }
    public void setUrgent(String urgent) { this.urgent = urgent; }
    public String getLearnedAt() { return learnedAt; }
    public void setLearnedAt(String learnedAt) { this.learnedAt = learnedAt; }
}
