package vn.trean.reporting.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The open-data export (issue 10 item 5, {@code docs/open-data-export.md}).
 *
 * @param pseudonymSecret the installation's key for the children's pseudonyms (HMAC-SHA256), at least
 *                        {@link Pseudonyms#MIN_SECRET_LENGTH} characters; kept secret, and never changed once exports went
 *                        out (every child would get a new pseudonym). Empty: a key generated once and kept in the database
 */
@ConfigurationProperties("trean.export")
record ExportSettings(String pseudonymSecret) {
}
