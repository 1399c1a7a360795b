package vn.trean.casefile;

import java.util.UUID;

public record OpenedCase(UUID id, String caseNumber) {
}
