package vn.trean.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.trean.casefile.Dimensions;

/** docs/open-data-export.md is the layouts' contract: it names every column and every code the export writes. */
class OpenDataLayoutDocTests {

    private final String doc = read();

    @Test
    void theDocumentGivesTheCsvHeaderOfEveryLayout() {
        assertThat(doc).contains("\n" + String.join(",", ExportFormat.CSV_COLUMNS) + "\n",
                "\n" + String.join(",", ExportFormat.CSV_COLUMNS_V2) + "\n");
    }

    @Test
    void everyCodeOfTheCaseDimensionsIsDocumentedWithItsVietnameseLabel() {
        List<Class<? extends Enum<?>>> codeLists = List.of(Dimensions.AbuseForm.class, Dimensions.AbuseSubtype.class,
                Dimensions.AbuseEnvironment.class, Dimensions.SpecialCircumstance.class,
                Dimensions.DisabilitySeverity.class, Dimensions.PerpetratorRelation.class,
                Dimensions.PerpetratorAgeGroup.class, Dimensions.PerpetratorSex.class);
        for (Class<? extends Enum<?>> codes : codeLists) {
            for (Enum<?> code : codes.getEnumConstants()) {
                String vi = ((Dimensions.Labelled) code).label().vi();
                String form = code instanceof Dimensions.AbuseSubtype s ? " `" + s.form().name() + "` |" : "";
                assertThat(doc).as(codes.getSimpleName() + "." + code.name())
                        .contains("| `" + code.name() + "` |" + form + " " + vi + " |");
            }
        }
    }

    private static String read() {
        try {
            return Files.readString(Path.of("docs/open-data-export.md"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
