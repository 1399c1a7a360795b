package vn.trean.organisation;

import java.time.LocalDate;

/**
 * A unit people work in. Its id doubles as the engine group id that tasks are routed to.
 *
 * @param localityCode the commune or province it serves; null for a national agency
 * @param provinceCode the province it belongs to; null for a national agency
 */
public record Agency(String id, AgencyKind kind, String name, String localityCode, String provinceCode,
                     LocalDate validFrom, LocalDate validTo) {

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
