package vn.trean.identity;

/**
 * The person making the current request, with the agency they work in. Serializable: it lives in the
 * signed-in session, which Spring Session keeps in PostgreSQL.
 *
 * @param localityCode  the commune or province of the agency; null for a national agency
 * @param provinceCode  the province of the agency; null for a national agency
 */
public record CurrentUser(String username, String displayName, Role role, String agencyId,
                          String localityCode, String provinceCode) implements java.io.Serializable {
}
