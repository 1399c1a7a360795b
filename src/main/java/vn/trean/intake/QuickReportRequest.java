package vn.trean.intake;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * The short report a village collaborator sends from a phone (issue 9, item 5): a few fields, mapped onto
 * Form 01 by {@link Intake#fileQuick} and checked by the same rules as the full form.
 */
@Schema(description = "Báo tin nhanh của cộng tác viên thôn, tổ dân phố")
public record QuickReportRequest(
        @Pattern(regexp = "\\d{5}") @Schema(description = "Commune where it happened; the collaborator's own commune if omitted. Never another province's.", example = "00004")
        String communeCode,
        @NotBlank @Size(max = 2000) @Schema(description = "What happened, in a few words")
        String whatHappened,
        @Size(max = 200) @Schema(description = "The child's name, or a description if the name is not known")
        String child,
        @NotNull @Schema(example = "AGE_6_TO_10")
        AgeRange ageRange,
        @NotBlank @Size(max = 500) @Schema(description = "Where it happened")
        String place,
        @NotNull @Schema(description = "The child is in danger now")
        Boolean urgent,
        @NotNull @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(description = "When it happened or the collaborator learned of it; not in the future. Starts the 12-hour clock.",
                example = "2026-11-25T08:30:00+07:00")
        OffsetDateTime learnedAt) {

    /** An age a collaborator can tell by sight; Form 01 records its middle as the estimated age. */
    public enum AgeRange {
        UNDER_3(1), AGE_3_TO_5(4), AGE_6_TO_10(8), AGE_11_TO_15(13);

        private final int estimate;

        AgeRange(int estimate) {
            this.estimate = estimate;
        }

        public int estimate() {
            return estimate;
        }
    }
}
