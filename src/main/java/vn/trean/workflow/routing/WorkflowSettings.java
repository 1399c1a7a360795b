package vn.trean.workflow.routing;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param zone                  the zone of working days and of "today" for routing (Vietnam, UTC+7)
 * @param reminderBeforeWindow  how long before the 12-hour window ends the reminder goes out
 */
@ConfigurationProperties("trean.workflow")
public record WorkflowSettings(ZoneId zone, Duration reminderBeforeWindow) {

    public WorkflowSettings {
        zone = zone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : zone;
        reminderBeforeWindow = reminderBeforeWindow == null ? Duration.ofHours(3) : reminderBeforeWindow;
    }
}
