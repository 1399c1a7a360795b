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
    SYSTEM_ADMINISTRATION;

    public boolean isProvincial() {
        return this == PROVINCE_LABOUR_DEPT || this == PROVINCE_HEALTH_DEPT;
    }
}
