package vn.trean.reporting;

/**
 * Whose figures: one commune (its province named too), or a whole province broken down by commune.
 * Given by {@link Statistics#scope}, which decides what a user may see.
 */
public record StatisticsScope(String provinceCode, String communeCode) {

    public static StatisticsScope province(String provinceCode) {
        return new StatisticsScope(provinceCode, null);
    }

    public static StatisticsScope commune(String provinceCode, String communeCode) {
        return new StatisticsScope(provinceCode, communeCode);
    }

    public boolean isCommune() {
        return communeCode != null;
    }
}
