package vn.trean.workflow;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's notion of now. Deadlines are judged against it, so that lists and boards agree with
 * the timers (and with tests that move the engine's clock instead of waiting).
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
