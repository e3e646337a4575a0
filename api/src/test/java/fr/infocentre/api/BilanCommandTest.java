package fr.infocentre.api;

import fr.infocentre.api.accounts.AccountFixtures;
import fr.infocentre.api.accounts.Accounts;
import fr.infocentre.api.accounts.AuditEntry;
import fr.infocentre.api.accounts.TestClock;
import fr.infocentre.api.gestion.BilanCommand;
import fr.infocentre.etl.CommandRun;
import fr.infocentre.warehouse.RestrictedWarehouse;
import fr.infocentre.warehouse.format.ProjectVersion;
import fr.infocentre.warehouse.restricted.RestrictedWarehouses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./infocentre bilan} over the hand-written extract "doublons" (data of 10/08/2025; figures in
 * {@code attendus-doublons-bilan.md}): one PDF and one XLSX per département and semester holding the protected
 * figures (read back, every number of the workbook checked against the exact ones, none a count from 1 to 10), a
 * semester not ended or not covered refused naming the option, usage errors, the audit record, the launcher's entry.
 */
class BilanCommandTest {

    private static final Instant NOW = Instant.parse("2025-08-12T09:00:00Z");

    private static Path warehouseDir;
    private static RestrictedWarehouse warehouse;
    @TempDir
    static Path out;

    @BeforeAll
    static void open() {
        warehouseDir = DoublonServer.warehouseDir();
        warehouse = RestrictedWarehouses.open(warehouseDir);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(BilanCommand.commandLine(new TestClock(NOW)), args);
    }

    private static CommandRun bilan(String departement, String semestre, Path folder, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--warehouse", warehouseDir.toString(), "--departement",
                departement, "--semestre", semestre, "--out", folder.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void theBilanOfASemesterIsOnePdfAndOneXlsxHoldingItsFigures() throws IOException {
        Path folder = out.resolve("s1-2025");
        CommandRun r = bilan("06", "2025-S1", folder);
        assertEquals(0, r.status(), r.err());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("bilan-06-2025-S1.pdf", "bilan-06-2025-S1.xlsx"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(r.out().startsWith("Bilan Alpes-Maritimes (06), 1er semestre 2025 (data of 2025-08-10): "), r.out());

        String pdf = BilanChecks.pdfText(Files.readAllBytes(folder.resolve("bilan-06-2025-S1.pdf")));
        for (String expected : List.of("Bilan semestriel du gestionnaire",
                "Alpes-Maritimes (06) – 1er semestre 2025 (du 01/01/2025 au 30/06/2025)",
                "Données : extraction du SNE du 10/08/2025. Document édité le 12/08/2025.",
                "Source : SNE (Système national d'enregistrement), extraction du 10/08/2025 ; traitement Infocentre.",
                "Document diffusable aux partenaires",
                "1. Chiffres clés du semestre et leur évolution",
                "Demandes actives au début du semestre 83 75 72 10,7 15,3",
                "Nouvelles demandes 14 12 15 16,7 -6,7",
                "Réactivations s 0 0 s s",
                "Radiations pour attribution (baux signés) 13 0 12 8,3",
                "Radiations pour renonciation s 0 0 s s",
                "Radiations pour absence de réponse 0 s 0 s",
                "Radiations pour non-renouvellement 0 s 0 s",
                "Demandes actives à la fin du semestre 82 83 75 -1,2 9,3",
                "2. Suivi de l'activité des guichets (rapport 06, version diffusable, année 2024)",
                "Rapport 06, version diffusable, année 2024",
                "3. Guichets signalés",
                "4. Doublons potentiels par guichet au 30/06/2025",
                "B06001 Azur Habitat 12", "B06002 Antibes Logement s", "C06003 Mairie de Cannes s",
                "Ensemble du département 16",
                "s : secret statistique")) {
            assertTrue(pdf.contains(expected), "« " + expected + " » in\n" + pdf);
        }
        assertTrue(pdf.matches("(?s).*Bilan semestriel du gestionnaire – Alpes-Maritimes \\(06\\) – 1er semestre 2025 page 1 / \\d.*"),
                "the footer of each page");

        int numbers = BilanChecks.checkWorkbook(Files.readAllBytes(folder.resolve("bilan-06-2025-S1.xlsx")),
                "1er semestre 2025", warehouse, 2024);
        assertTrue(numbers > 60, "the workbook's numbers, every one checked: " + numbers);
    }

    @Test
    void theSecondSemesterShowsRapport06OfItsYearAndTheFirstOfAYearNotCoveredSaysSo() throws IOException {
        Path s2 = out.resolve("s2-2024");
        assertEquals(0, bilan("06", "2024-S2", s2).status());
        assertTrue(BilanChecks.checkWorkbook(Files.readAllBytes(s2.resolve("bilan-06-2024-S2.xlsx")), "2e semestre 2024",
                warehouse, 2024) > 40);
        String pdf2 = BilanChecks.pdfText(Files.readAllBytes(s2.resolve("bilan-06-2024-S2.pdf")));
        assertTrue(pdf2.contains("Ce sont les chiffres de l'indicateur 16 de la version diffusable du rapport 06 de l'année"
                + " 2024"), pdf2);
        assertTrue(pdf2.contains("Le 2e semestre 2023 n'est pas couvert par les données"), pdf2);

        Path s1 = out.resolve("s1-2024");
        assertEquals(0, bilan("06", "2024-S1", s1).status());
        BilanChecks.checkWorkbook(Files.readAllBytes(s1.resolve("bilan-06-2024-S1.xlsx")), "1er semestre 2024", warehouse,
                null);
        String pdf1 = BilanChecks.pdfText(Files.readAllBytes(s1.resolve("bilan-06-2024-S1.pdf")));
        assertTrue(pdf1.contains("Rapport 06 : l'année 2023 n'est pas couverte par les données"), pdf1);
        assertTrue(pdf1.contains("Demandes actives à la fin du semestre 75"), pdf1);
    }

    @Test
    void aSemesterNotEndedOrNotCoveredAndADepartementOutsideTheDataAreRefusedNamingTheOption() {
        Path folder = out.resolve("refused");
        CommandRun running = bilan("06", "2025-S2", folder);
        assertEquals(1, running.status());
        assertEquals("refused: --semestre: Semestre 2025-S2 non achevé : les données s'arrêtent à l'extraction du"
                + " 10/08/2025 (le bilan porte sur un semestre achevé ; dernier semestre achevé : 2025-S1)\n", running.err());
        CommandRun early = bilan("06", "2023-S2", folder);
        assertEquals(1, early.status());
        assertEquals("refused: --semestre: Semestre 2023-S2 non couvert : l'historique conservé commence le 01/01/2024\n",
                early.err());
        CommandRun outside = bilan("13", "2025-S1", folder);
        assertEquals(1, outside.status());
        assertEquals("refused: --departement: Département inconnu ou hors des données : 13\n", outside.err());
        assertFalse(Files.exists(folder), "nothing written");
    }

    @Test
    void usageErrorsNameTheOption() {
        CommandRun malformed = bilan("06", "2025-S3", out.resolve("x"));
        assertEquals(2, malformed.status());
        assertTrue(malformed.err().startsWith("Invalid value for option '--semestre': Semestre invalide : « 2025-S3 »"),
                malformed.err());
        assertTrue(malformed.err().contains("Usage: infocentre bilan"), "with the usage");
        CommandRun unknown = bilan("6", "2025-S1", out.resolve("x"));
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("Invalid value for option '--departement': unknown département code '6'"),
                unknown.err());
        CommandRun missing = run("--warehouse", warehouseDir.toString(), "--departement", "06", "--out", "x");
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("Missing required option: '--semestre YYYY-S1|S2'"), missing.err());
        CommandRun noWarehouse = run("--warehouse", out.resolve("nowhere").toString(), "--departement", "06",
                "--semestre", "2025-S1", "--out", out.resolve("y").toString());
        assertEquals(1, noWarehouse.status());
        assertTrue(noWarehouse.err().startsWith("error: --warehouse: "), noWarehouse.err());
    }

    @Test
    void withAnAccountStoreTheProductionIsRecordedInTheAuditLog() throws IOException {
        Path folder = Files.createDirectories(out.resolve("accounts"));
        Accounts accounts = AccountFixtures.store(folder, new TestClock(NOW));
        CommandRun r = bilan("06", "2025-S1", folder.resolve("bilans"), "--accounts",
                folder.resolve("accounts.db").toString());
        assertEquals(0, r.status(), r.err());
        AuditEntry e = accounts.audit().newestFirst(0, 1).get(0).entry();
        assertEquals("cli:" + System.getProperty("user.name"), e.login());
        assertEquals("export", e.action());
        assertEquals("bilan", e.route());
        assertEquals(List.of("06"), e.parameters().get("departement"));
        assertEquals(List.of("2025-S1"), e.parameters().get("semestre"));
        assertEquals(NOW, e.at());
        CommandRun noStore = bilan("06", "2025-S1", folder.resolve("b"), "--accounts", folder.resolve("none.db").toString());
        assertEquals(1, noStore.status());
        assertTrue(noStore.err().startsWith("error: --accounts: "), noStore.err());
    }

    @Test
    void helpVersionAndTheLaunchersEntry() throws IOException, InterruptedException {
        CommandRun help = run("--help");
        assertEquals(0, help.status());
        for (String option : List.of("--warehouse DIR", "--departement CODE", "--semestre YYYY-S1|S2", "--out DIR",
                "--accounts FILE", "Exit status:", "bilan-<dep>-<semestre>.pdf", "2 usage error")) {
            assertTrue(help.out().replace("\n", " ").replaceAll(" +", " ").contains(option), option + " in " + help.out());
        }
        CommandRun version = run("--version");
        assertEquals(0, version.status());
        assertEquals(String.join("\n", ProjectVersion.lines()) + "\n", version.out());

        Path launcher = Path.of("..", "infocentre");
        String script = Files.readString(launcher, StandardCharsets.UTF_8);
        assertTrue(script.contains("api_java fr.infocentre.api.gestion.BilanCommand \"$@\""), "the bilan command's class");
        Process p = new ProcessBuilder("bash", launcher.toString(), "help").redirectErrorStream(true).start();
        String usage = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), usage);
        assertTrue(usage.contains("  bilan --warehouse DIR --departement CODE --semestre YYYY-S1|YYYY-S2 --out DIR"
                + " [--accounts FILE]\n"), usage);
        assertTrue(usage.contains("bilan-<dep>-<semestre>.pdf and .xlsx"), usage);
        assertTrue(usage.contains("BILAN_JAVA_OPTS"), usage);
    }
}
