package vn.trean.casefile;

import java.time.LocalDate;
import java.util.UUID;

/** One task of a support/intervention plan, routed to the agency that carries {@code responsibleRole}. */
public record PlanMeasure(UUID id, UUID caseId, int planCycle, String measureType, String responsibleRole,
                          String description, LocalDate startDate, LocalDate endDate, String provider,
                          Long costEstimate, String status) {
}
