package vn.trean.casefile;

import java.util.Locale;

/**
 * The codes a case is classified and counted by (issue 10, Circular 13/2021): each an enum whose name is the code
 * stored in the case tables (V30), with its Vietnamese and English label. The forms that capture them
 * ({@code forms/verify_report.form}, {@code forms/assess_needs.form}) use the lower-case code as value and the
 * Vietnamese label, checked by {@code ClassificationFormsTests}.
 */
public final class Dimensions {

    private Dimensions() {
    }

    /** A code's label in the two languages of the product. */
    public record Label(String vi, String en) {

        /** Vietnamese unless the locale is English. */
        public String in(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? en : vi;
        }
    }

    /** A code with its {@link Label}. */
    public interface Labelled {
        Label label();

        /** The label in the reader's language. */
        default String label(Locale locale) {
            return label().in(locale);
        }
    }

    /** Hình thức xâm hại (procedure.md, "Abuse forms"); Form 01 records them as {@code abuseForms}. */
    public enum AbuseForm implements Labelled {
        VIOLENCE("Bạo lực", "Violence"),
        EXPLOITATION("Bóc lột", "Exploitation"),
        SEXUAL_ABUSE("Xâm hại tình dục", "Sexual abuse"),
        TRAFFICKING("Mua bán", "Trafficking"),
        ABANDONMENT("Bỏ rơi, bỏ mặc", "Abandonment or neglect"),
        OTHER("Hình thức gây tổn hại khác", "Other harm");

        private final Label label;

        AbuseForm(String vi, String en) {
            this.label = new Label(vi, en);
        }

        @Override
        public Label label() {
            return label;
        }
    }

    /** The sub-types of exploitation and of sexual abuse; each belongs to one {@link AbuseForm}. */
    public enum AbuseSubtype implements Labelled {
        ILLEGAL_LABOUR(AbuseForm.EXPLOITATION, "Lao động trái quy định của pháp luật", "Illegal labour"),
        PORNOGRAPHY(AbuseForm.EXPLOITATION, "Sản xuất, sử dụng trong sản phẩm khiêu dâm", "Pornography"),
        SEX_TOURISM_OR_PROSTITUTION(AbuseForm.EXPLOITATION, "Du lịch tình dục, mại dâm",
                "Sex tourism or prostitution"),
        DRUG_OR_CONTRABAND(AbuseForm.EXPLOITATION, "Vận chuyển, mua bán ma túy, hàng cấm",
                "Drug or contraband trafficking"),
        OTHER_PROFITEERING(AbuseForm.EXPLOITATION, "Trục lợi khác", "Other profiteering"),
        RAPE(AbuseForm.SEXUAL_ABUSE, "Hiếp dâm", "Rape"),
        FORCED_SEX(AbuseForm.SEXUAL_ABUSE, "Cưỡng dâm", "Coerced sex"),
        UNDERAGE_INTERCOURSE(AbuseForm.SEXUAL_ABUSE, "Giao cấu", "Sexual intercourse with a child"),
        MOLESTATION(AbuseForm.SEXUAL_ABUSE, "Dâm ô", "Molestation"),
        PROSTITUTION_OR_PORNOGRAPHY_USE(AbuseForm.SEXUAL_ABUSE, "Sử dụng vào mục đích mại dâm, khiêu dâm",
                "Use for prostitution or pornography");

        private final AbuseForm form;
        private final Label label;

        AbuseSubtype(AbuseForm form, String vi, String en) {
            this.form = form;
            this.label = new Label(vi, en);
        }

        /** The abuse form this is a sub-type of: a case records it only with that form. */
        public AbuseForm form() {
            return form;
        }

        @Override
        public Label label() {
            return label;
        }
    }

    /** Trẻ em có hoàn cảnh đặc biệt: the 14 groups of the Law on Children 2016, art. 10. */
    public enum SpecialCircumstance implements Labelled {
        ORPHANED("Mồ côi cả cha và mẹ", "Orphaned of both parents"),
        ABANDONED("Bị bỏ rơi", "Abandoned"),
        WITHOUT_SUPPORT("Không nơi nương tựa", "Without support"),
        /** The severity is recorded beside it ({@link DisabilitySeverity}). */
        DISABLED("Khuyết tật", "Disabled"),
        HIV_AIDS("Nhiễm HIV/AIDS", "Living with HIV/AIDS"),
        IN_CONFLICT_WITH_LAW("Vi phạm pháp luật", "In conflict with the law"),
        DRUG_ADDICTED("Nghiện ma túy", "Drug-addicted"),
        WORKING_SCHOOL_DROPOUT("Phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở",
                "Working dropout before completing lower-secondary education"),
        SERIOUSLY_HARMED_BY_VIOLENCE("Bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực",
                "Seriously harmed physically and mentally by violence"),
        EXPLOITED("Bị bóc lột", "Exploited"),
        SEXUALLY_ABUSED("Bị xâm hại tình dục", "Sexually abused"),
        TRAFFICKED("Bị mua bán", "Trafficked"),
        SERIOUS_ILLNESS_POOR_HOUSEHOLD("Mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày thuộc hộ nghèo, cận nghèo",
                "Serious or long-term illness in a poor or near-poor household"),
        UNACCOMPANIED_MIGRANT("Di cư, lánh nạn chưa xác định được cha mẹ hoặc không có người chăm sóc",
                "Migrant or refugee without known parents or a carer");

        private final Label label;

        SpecialCircumstance(String vi, String en) {
            this.label = new Label(vi, en);
        }

        @Override
        public Label label() {
            return label;
        }
    }

    /** Mức độ khuyết tật, recorded only for a child in the group {@link SpecialCircumstance#DISABLED}. */
    public enum DisabilitySeverity implements Labelled {
        EXTREMELY_SEVERE("Đặc biệt nặng", "Extremely severe"),
        SEVERE("Nặng", "Severe"),
        MILD("Nhẹ", "Mild");

        private final Label label;

        DisabilitySeverity(String vi, String en) {
            this.label = new Label(vi, en);
        }

        @Override
        public Label label() {
            return label;
        }
    }

    /** Môi trường xảy ra xâm hại: where the abuse happened. */
    public enum AbuseEnvironment implements Labelled {
        FAMILY("Gia đình", "Family"),
        SCHOOL("Trường học", "School"),
        COMMUNITY("Cộng đồng", "Community"),
        ONLINE("Môi trường mạng", "Online"),
        WORKPLACE("Nơi làm việc", "Workplace"),
        OTHER("Khác", "Other");

        private final Label label;

        AbuseEnvironment(String vi, String en) {
            this.label = new Label(vi, en);
        }

        @Override
        public Label label() {
            return label;
        }
    }

    /** The perpetrator's relation to the child. */
    public enum PerpetratorRelation implements Labelled {
        PARENT("Cha, mẹ", "Parent"),
        STEP_PARENT("Cha dượng, mẹ kế", "Step-parent"),
        OTHER_RELATIVE("Người thân khác trong gia đình", "Other relative"),
        CARER("Người chăm sóc trẻ", "Carer"),
        TEACHER("Giáo viên, nhân viên nhà trường", "Teacher or school staff"),
        EMPLOYER("Người sử dụng lao động", "Employer"),
        ACQUAINTANCE("Người quen, hàng xóm", "Acquaintance or neighbour"),
        STRANGER("Người lạ", "Stranger"),
        OTHER("Khác", "Other"),
        UNKNOWN("Chưa xác định", "Unknown");

        private final Label label;

        PerpetratorRelation(String vi, String en) {
            this.label = new Label(vi, en);
        }

        @Override
        public Label label() {
            return label;
        }
    }

    /** The perpetrator's age group: a child (under 16), a minor of 16 or 17, an adult. */
    public enum PerpetratorAgeGroup implements Labelled {
        UNDER_16("Dưới 16 tuổi", "Under 16"),
        FROM_16_TO_17("Từ 16 đến dưới 18 tuổi", "16 to 17"),
        ADULT("Từ 18 tuổi trở lên", "18 or older"),
        UNKNOWN("Chưa xác định", "Unknown");

        private final Label label;

        PerpetratorAgeGroup(String vi, String en) {
            this.label = new Label(vi, en);
        }

        @Override
        public Label label() {
            return label;
        }
    }

    /** The perpetrator's sex. */
    public enum PerpetratorSex implements Labelled {
        MALE("Nam", "Male"),
        FEMALE("Nữ", "Female"),
        UNKNOWN("Chưa xác định", "Unknown");

        private final Label label;

        PerpetratorSex(String vi, String en) {
            this.label = new Label(vi, en);
        }

        @Override
        public Label label() {
            return label;
        }
    }
}
