package vn.trean.casefile;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One task of a support/intervention plan, routed to the agency that carries {@code responsibleRole}.
 *
 * @param actualCost what it cost (đồng), recorded when its task is completed; null until then or when not given
 */
public record PlanMeasure(UUID id, UUID caseId, int planCycle, String measureType, String responsibleRole,
                          String description, LocalDate startDate, LocalDate endDate, String provider,
                          Long costEstimate, String status, Long actualCost) {
}
