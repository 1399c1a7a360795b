package vn.trean.reporting;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code trean.reporting} in application.yaml.
 *
 * @param calendar per level, the day (month-day, {@code MM-dd}) each periodic report is due at the level above
 */
@ConfigurationProperties("trean.reporting")
record ReportingSettings(Map<ReportingLevel, Map<ReportKind, String>> calendar) {
}
