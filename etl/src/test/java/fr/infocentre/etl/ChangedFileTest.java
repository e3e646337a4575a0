package fr.infocentre.etl;

import fr.infocentre.etl.extract.ExtractRefused;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.infocentre.etl.contract.ExtractFile;
import fr.infocentre.etl.extract.CheckedFile;
import fr.infocentre.etl.extract.CsvSource;
import fr.infocentre.etl.extract.CsvSource.SourceRows;
import fr.infocentre.etl.extract.ManifestCheck;
import fr.infocentre.etl.validation.FileValidation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that no longer holds the records counted at the manifest check is refused, not half loaded. */
class ChangedFileTest {

    @TempDir
    Path tmp;

    @Test
    void validationRefusesAFileThatLostARecordSinceItWasCounted() {
        ExtractFixture x = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        CheckedFile guichets = ManifestCheck.check(x.dir()).files().get(ExtractFile.GUICHETS);
        SourceRows read = CsvSource.read(SharedSpark.session(), guichets);
        // as if a record vanished between the manifest check and validation's own scan of the file
        CheckedFile counted = new CheckedFile(guichets.file(), guichets.path(), guichets.header(),
                guichets.rows() + 1, guichets.multiLine(), guichets.invalidUtf8(), guichets.oversized());

        ExtractRefused e = assertThrows(ExtractRefused.class,
                () -> FileValidation.validate(new SourceRows(counted, read.columns(), read.rows()), Optional.empty(),
                        LocalDate.parse(ExtractFixture.DATE_EXTRACTION)));

        assertTrue(e.getMessage().startsWith("guichets.csv: " + guichets.rows() + " records validated where "
                + (guichets.rows() + 1) + " were counted"), e.getMessage());
    }
}
