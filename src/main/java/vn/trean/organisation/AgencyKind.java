package vn.trean.organisation;

/** The kinds of unit the procedure names. Which kind carries which role is configuration (routing rules). */
public enum AgencyKind {
    /** Ủy ban nhân dân cấp xã: the commune chairman. */
    PEOPLES_COMMITTEE,
    /** Người làm công tác bảo vệ trẻ em cấp xã. */
    CHILD_PROTECTION_OFFICER,
    /** Công an xã. */
    POLICE,
    /** Trường học. */
    SCHOOL,
    /** Trạm y tế xã. */
    HEALTH_STATION,
    /** Sở Lao động - Thương binh và Xã hội (supervising department until the 2025 reform). */
    PROVINCE_LABOUR_DEPT,
    /** Sở Y tế (supervising department since the 2025 reform). */
    PROVINCE_HEALTH_DEPT,
    /** Tổng đài điện thoại quốc gia bảo vệ trẻ em 111. */
    HOTLINE,
    /** Quản trị hệ thống: where the administrators of the installation belong (national, no tasks are routed to it). */
    SYSTEM_ADMINISTRATION,
    /** Cơ sở trợ giúp xã hội (trung tâm công tác xã hội) của tỉnh: nhận chăm sóc thay thế khẩn cấp. */
    SOCIAL_ASSISTANCE_FACILITY,
    /** Trung tâm trợ giúp pháp lý nhà nước của tỉnh. */
    LEGAL_AID,
    /** Hội Liên hiệp Phụ nữ cấp xã. */
    WOMENS_UNION,
    /** Cộng tác viên bảo vệ trẻ em ở thôn, tổ dân phố. */
    VILLAGE_COLLABORATOR,
    /** Phòng Lao động - Thương binh và Xã hội cấp huyện: only for records of before the 2025 reform (legacy list). */
    DISTRICT_LABOUR_OFFICE;

    /** The level of unit an agency of this kind serves: what its locality code must name. */
    public enum Tier { COMMUNE, DISTRICT, PROVINCE, NATIONAL }

    public Tier tier() {
        return switch (this) {
            case PROVINCE_LABOUR_DEPT, PROVINCE_HEALTH_DEPT, SOCIAL_ASSISTANCE_FACILITY, LEGAL_AID -> Tier.PROVINCE;
            case DISTRICT_LABOUR_OFFICE -> Tier.DISTRICT;
            case HOTLINE, SYSTEM_ADMINISTRATION -> Tier.NATIONAL;
            default -> Tier.COMMUNE;
        };
    }

    public boolean isProvincial() {
        return tier() == Tier.PROVINCE;
    }
}
