package fr.infocentre.api.gestion;

import fr.infocentre.warehouse.ActivityRow;
import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.DoublonsDiffusables;
import fr.infocentre.warehouse.DoublonsEtBilans;
import fr.infocentre.warehouse.Indicator;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.RestrictedWarehouse;
import fr.infocentre.warehouse.Scope;
import fr.infocentre.warehouse.Semestre;
import fr.infocentre.warehouse.Territoire;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The gestionnaire's semestrial bilan of a département, ready to send to the partners (docs/gestion.md, "Bilan
 * semestriel"): what the PDF ({@link BilanPdf}) and the XLSX ({@link BilanXlsx}) show, every figure already
 * protected by the warehouse's protection step (never masked again here):
 * <ol>
 *   <li>the key figures of the semester, beside the previous one and a year before ({@link DoublonsEtBilans#chiffresCles});</li>
 *   <li>rapport 06, diffusable version, of the last calendar year ended by the semester ({@link Semestre#rapport06Year()}),
 *       when the data covers it;</li>
 *   <li>the guichets flagged in it (a flag shown only where every figure it reads is shown);</li>
 *   <li>the doublons potentiels per guichet on the semester's last day ({@link DoublonsEtBilans#doublonsDiffusables}).</li>
 * </ol>
 *
 * @param departement   the département
 * @param semestre      the semester (ended, covered)
 * @param dataDate      the extraction date of the data
 * @param chiffresCles  the key figures
 * @param rapport06     rapport 06's diffusable version, or null when its year is not covered
 * @param rapport06Year the year of rapport 06
 * @param signales      the flagged guichets of rapport 06 (empty without it)
 * @param doublons      the doublons per guichet
 */
public record BilanPack(Territoire departement, Semestre semestre, LocalDate dataDate, RapportTable chiffresCles,
                        ActivityTable rapport06, int rapport06Year, List<Signalement> signales,
                        DoublonsDiffusables doublons) {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String TITLE = "Bilan semestriel du gestionnaire";
    static final String DIFFUSABLE = "Document diffusable aux partenaires : le secret statistique est appliqué à"
            + " chaque chiffre (les effectifs de 1 à 10 sont masqués « s », ainsi que les cases qui permettraient de les"
            + " recalculer).";

    /**
     * A guichet flagged in rapport 06: the indicators outside their threshold, with the value shown.
     *
     * @param code       code_guichet
     * @param libelle    its name
     * @param indicators per indicator: its label, its value as shown, the threshold
     */
    public record Signalement(String code, String libelle, List<Flag> indicators) {
    }

    /** One flagged indicator of a guichet. */
    public record Flag(Indicator indicator, Object value, String threshold) {
    }

    /**
     * Gathers the pack from the warehouse.
     *
     * @throws InvalidRequest for a département outside the data, a malformed semester, one not ended or not covered
     */
    public static BilanPack build(RestrictedWarehouse warehouse, String departement, String semestre) {
        DoublonsEtBilans bilans = warehouse.doublonsEtBilans();
        Semestre s = bilans.semestre(semestre);
        RapportTable chiffres = bilans.chiffresCles(departement, s);
        DoublonsDiffusables doublons = bilans.doublonsDiffusables(departement, s);
        int year = s.rapport06Year();
        ActivityTable rapport06 = null;
        if (!LocalDate.of(year, 1, 1).isBefore(warehouse.activity().coveredFrom())) {
            rapport06 = warehouse.activity().diffusable(Scope.departement(chiffres.territoire().code()), Period.year(year));
        }
        List<Signalement> signales = new ArrayList<>();
        if (rapport06 != null) {
            for (ActivityRow row : rapport06.guichets()) {
                List<Flag> flags = new ArrayList<>();
                for (Indicator i : rapport06.indicators()) {
                    if (row.flagged(i.key())) {
                        flags.add(new Flag(i, row.value(i.key()), i.threshold()));
                    }
                }
                if (!flags.isEmpty()) {
                    signales.add(new Signalement(row.code(), row.name(), List.copyOf(flags)));
                }
            }
        }
        return new BilanPack(chiffres.territoire(), s, warehouse.dataDate(), chiffres, rapport06, year,
                List.copyOf(signales), doublons);
    }

    /** bilan-06-2026-S1.pdf. */
    public String fileName(String extension) {
        return "bilan-" + departement.code() + "-" + semestre.key() + "." + extension;
    }

    /** « Alpes-Maritimes (06) ». */
    public String territoire() {
        return departement.name() + " (" + departement.code() + ")";
    }

    /** The title line: « Bilan semestriel du gestionnaire – Alpes-Maritimes (06) – 1er semestre 2026 ». */
    public String title() {
        return TITLE + " – " + territoire() + " – " + semestre.label();
    }

    /** « Source : SNE, extraction du 10/08/2025. » */
    public String source() {
        return "Source : SNE (Système national d'enregistrement), extraction du " + dataDate.format(DATE)
                + " ; traitement Infocentre.";
    }

    /** Why rapport 06 is absent, or null. */
    public String rapport06Absence() {
        return rapport06 != null ? null : "Rapport 06 : l'année " + rapport06Year + " n'est pas couverte par les données"
                + " (la version diffusable porte sur une année civile achevée, la dernière achevée au "
                + semestre.end().format(DATE) + ").";
    }

    /** Why rapport 06 is that of this year. */
    public String rapport06Choice() {
        return "Rapport 06, version diffusable, année " + rapport06Year + " : la version diffusable porte sur une année"
                + " civile achevée (un semestre publié à côté de son année donnerait l'autre par différence) ; c'est la"
                + " dernière achevée le " + semestre.end().format(DATE) + ".";
    }

    /** The sections, as the PDF's contents and the XLSX's sheets list them. */
    public List<String> sections() {
        return List.of("1. Chiffres clés du semestre et leur évolution", "2. Suivi de l'activité des guichets (rapport 06,"
                + " version diffusable, année " + rapport06Year + ")", "3. Guichets signalés", "4. Doublons potentiels par"
                + " guichet au " + semestre.end().format(DATE));
    }

    /** How many lines the pack's tables hold (the audit's rows). */
    public long rows() {
        return chiffresCles.lines().size() + (rapport06 == null ? 0 : rapport06.guichets().size() + 1)
                + doublons.guichets().size() + 1;
    }
}
