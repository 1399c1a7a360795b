package vn.trean.oversight;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the board asks of the reporting calendar: the next report an area owes. Declared here and implemented by
 * the reporting module, which already reads the board's {@link SupervisedArea}, so that the two modules stay
 * free of a cycle.
 */
public interface PeriodicReportsDue {

    Optional<PeriodicReportDue> next(SupervisedArea area, LocalDate today);
}
