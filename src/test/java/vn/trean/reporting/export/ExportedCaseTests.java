package vn.trean.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.trean.casefile.Classification;
import vn.trean.casefile.ClosedCases.ClosedCase;

/** Layout 2's police decision: its number only when it has the shape of one, never what else was typed there. */
class ExportedCaseTests {

    private final Pseudonyms pseudonyms = new Pseudonyms(new ExportSettings("k".repeat(Pseudonyms.MIN_SECRET_LENGTH)),
            null, null);

    @Test
    void aDecisionNumberInTheOfficialShapeIsExportedAndAnythingElseTypedThereIsNot() {
        assertThat(decisionNumberOf("15/QĐ-XPHC")).isEqualTo("15/QĐ-XPHC");
        assertThat(decisionNumberOf(" 07/2026/QĐ-KTVA ")).isEqualTo("07/2026/QĐ-KTVA");
        assertThat(decisionNumberOf("123/QĐ.CA-PC02")).isEqualTo("123/QĐ.CA-PC02");
        assertThat(decisionNumberOf("Nguyễn Văn Tư")).isNull();
        assertThat(decisionNumberOf("Số 15/QĐ-XPHC")).isNull();
        assertThat(decisionNumberOf("15/QĐ-XPHC; Nguyễn Văn Tư")).isNull();
        assertThat(decisionNumberOf("15/QĐ|XPHC")).isNull();
        assertThat(decisionNumberOf(null)).isNull();
    }

    @Test
    void aCaseWithoutAClassificationRowIsExportedWithNothingKnown() {
        var exported = ExportedCase.of(closed(null, new Classification(null, List.of(), List.of(), null, null, null)),
                pseudonyms);

        assertThat(exported.dimensions().abuseFormsAtClosing()).isEmpty();
        assertThat(exported.dimensions().perpetrator()).isEqualTo(new ExportedCase.Perpetrator(null, null, null));
    }

    private String decisionNumberOf(String recorded) {
        return ExportedCase.of(closed(recorded, Classification.NONE), pseudonyms).dimensions().handlingDecisionNumber();
    }

    private static ClosedCase closed(String decisionNumber, Classification classification) {
        Instant now = Instant.parse("2026-05-20T03:00:00Z");
        return new ClosedCase("00004-2026-0001", "00004", "01", now, now, "ABUSED", List.of("VIOLENCE"),
                "intervention", false, false, "ADMINISTRATIVE_SANCTION", "CASE_HANDLED", null, "x|2017|FEMALE", 9,
                "FEMALE", List.of(), classification, decisionNumber, LocalDate.parse("2026-05-01"));
    }
}
