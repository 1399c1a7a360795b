package vn.trean.oversight;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deadline watcher ({@link DeadlineWatcher}), under {@code trean.deadlines}.
 *
 * @param pollEnabled        whether this node polls on its own (the tests call {@link DeadlineWatcher#checkNow} instead)
 * @param pollInterval       the pause between two polls: how late past its due date a breach may be recorded
 * @param escalateAfter      how long the agency has to give its reason before the province supervisor is told
 * @param batchSize          how many breaches one transaction records or escalates; a poll goes on while batches fill
 * @param twelveHourTimerLag how long the watcher leaves a 12-hour step (due when its window ends) to the model's own
 *                           breach timer, which records it with the escalation path, before recording it itself
 */
@ConfigurationProperties("trean.deadlines")
public record DeadlineSettings(Boolean pollEnabled, Duration pollInterval, Duration escalateAfter, Integer batchSize,
                               Duration twelveHourTimerLag) {

    public DeadlineSettings {
        pollEnabled = pollEnabled == null || pollEnabled;
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        escalateAfter = escalateAfter == null ? Duration.ofDays(1) : escalateAfter;
        batchSize = batchSize == null || batchSize < 1 ? 500 : batchSize;
        twelveHourTimerLag = twelveHourTimerLag == null ? Duration.ofMinutes(10) : twelveHourTimerLag;
    }
}
