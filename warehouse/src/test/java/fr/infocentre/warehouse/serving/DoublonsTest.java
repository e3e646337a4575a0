package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.ActivityTable;
import fr.infocentre.warehouse.DoublonDemande;
import fr.infocentre.warehouse.DoublonGroup;
import fr.infocentre.warehouse.DoublonGuichet;
import fr.infocentre.warehouse.DoublonReport;
import fr.infocentre.warehouse.DoublonsEtBilans;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.RestrictedWarehouse;
import fr.infocentre.warehouse.Scope;
import fr.infocentre.warehouse.fixtures.DoublonsWarehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.infocentre.warehouse.fixtures.DoublonsWarehouse.G1;
import static fr.infocentre.warehouse.fixtures.DoublonsWarehouse.G2;
import static fr.infocentre.warehouse.fixtures.DoublonsWarehouse.G3;
import static fr.infocentre.warehouse.fixtures.DoublonsWarehouse.G83;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The doublons potentiels of the hand-written extract "doublons", against the figures worked out by hand in
 * {@code attendus-doublons-bilan.md} (section 2), and against rapport 06's indicator 16 on the same day.
 */
class DoublonsTest {

    private static RestrictedWarehouse warehouse;
    private static DoublonsEtBilans doublons;

    @BeforeAll
    static void open() {
        warehouse = DoublonsWarehouse.restricted();
        doublons = warehouse.doublonsEtBilans();
    }

    private static List<String> numeros(DoublonGroup g) {
        return g.demandes().stream().map(DoublonDemande::numeroUnique).toList();
    }

    @Test
    void theGroupsOfTheDepartementAreThoseWorkedOutByHandSeveralGuichetsFirst() {
        DoublonReport r = doublons.doublons("06", null, 1000);
        assertEquals(LocalDate.of(2025, 8, 10), r.dataDate());
        assertEquals("Alpes-Maritimes", r.departement().name());
        assertEquals(List.of("H-T1", "H-Q1", "H-P1", "H-P2", "H-P3", "H-P4", "H-P5"),
                r.groups().stream().map(DoublonGroup::idDemandeur).toList());
        assertEquals(7, r.groupsTotal());
        assertEquals(15, r.demandesTotal());
        assertEquals(15, r.demandesListed());
        assertFalse(r.truncated());

        DoublonGroup t1 = r.groups().get(0);
        assertEquals(List.of("D06-A22", "D06-A33", "D06-A34"), numeros(t1));
        assertEquals(List.of(G2, G3), t1.guichets());
        assertTrue(t1.severalGuichets());
        assertEquals(List.of("code_guichet", "canal", "communes_souhaitees", "commune_residence", "revenu_mensuel",
                "revenu_fiscal_reference", "nb_pieces"), t1.differing());
        assertEquals("PGP", t1.demandes().get(1).value("canal"));
        assertEquals(0, ((Number) t1.demandes().get(1).value("nb_pieces")).intValue());
        assertEquals("Mairie de Cannes", t1.demandes().get(1).guichet().libelle());

        DoublonGroup q1 = r.groups().get(1);
        assertEquals(List.of("D06-A06", "D06-A21"), numeros(q1));
        assertEquals(List.of(G1, G2), q1.guichets());
        assertEquals(List.of("code_guichet", "communes_souhaitees", "commune_residence", "situation_professionnelle"),
                q1.differing());
        assertEquals("06004|06088", q1.demandes().get(1).value("communes_souhaitees"));

        DoublonGroup p1 = r.groups().get(2);
        assertEquals(List.of("D06-A01", "D06-N301"), numeros(p1));
        assertEquals(List.of(G1), p1.guichets());
        assertEquals(List.of("date_depot", "date_enregistrement", "date_modification", "situation_familiale",
                "taille_menage", "nb_enfants"), p1.differing());
        assertEquals(LocalDate.of(2025, 2, 20), p1.demandes().get(1).value("date_depot"));
        assertEquals(List.of("date_depot", "date_enregistrement", "date_modification", "revenu_mensuel",
                "revenu_fiscal_reference"), r.groups().get(4).differing());
        assertEquals(List.of("date_depot", "date_enregistrement", "date_modification"), r.groups().get(6).differing());
        assertEquals(27, r.fields().size());
        assertEquals("Guichet de rattachement", r.fields().get(0).label());
    }

    @Test
    void aSameApplicantInTwoDepartementsOrWithARadiatedDemandeIsNoDoublon() {
        DoublonReport r = doublons.doublons("06", null, 1000);
        List<String> all = r.groups().stream().flatMap(g -> numeros(g).stream()).toList();
        assertFalse(all.contains("D06-A07"), "H-X1: D06-A07 (Nice) and D83-V01 (Toulon), two départements");
        assertFalse(all.contains("D06-A08"), "H-Z1: D06-R201 radiated on 2025-03-10");
        assertFalse(all.contains("D06-Y01"), "H-Y1: first choice in the Var, a group of the Var");
        assertTrue(r.groups().stream().noneMatch(g -> g.idDemandeur().equals("H-X1") || g.idDemandeur().equals("H-Z1")));
    }

    @Test
    void theCountPerGuichetSplitsTheDepartementsGroupsFromThoseOfAnotherDepartement() {
        DoublonReport r = doublons.doublons("06", null, 1000);
        Map<String, DoublonGuichet> byCode = byCode(r);
        assertEquals(List.of(G1, G2, G3), List.copyOf(byCode.keySet()));
        assertEquals(11, byCode.get(G1).inDepartement());
        assertEquals(1L, byCode.get(G1).inOtherDepartements(), "D06-Y01, in the Var's group H-Y1");
        assertEquals(12L, byCode.get(G1).indicator16());
        assertEquals(2L, byCode.get(G2).indicator16());
        assertEquals(2L, byCode.get(G3).indicator16());

        DoublonReport var = doublons.doublons("83", null, 1000);
        assertEquals(List.of("H-Y1"), var.groups().stream().map(DoublonGroup::idDemandeur).toList());
        assertEquals(List.of("D06-Y01", "D83-V02"), numeros(var.groups().get(0)));
        Map<String, DoublonGuichet> inVar = byCode(var);
        assertEquals(List.of(G83, G1), List.copyOf(inVar.keySet()), "the département's guichets first");
        assertEquals(1L, inVar.get(G83).indicator16());
        assertEquals(1, inVar.get(G1).inDepartement());
        assertNull(inVar.get(G1).inOtherDepartements(), "a guichet of another département");
        assertFalse(inVar.get(G1).ofDepartement());
    }

    @Test
    void theCountPerGuichetIsRapport06sIndicator16OnTheSameDay() {
        for (String dep : List.of("06", "83")) {
            DoublonReport r = doublons.doublons(dep, null, 1000);
            ActivityTable rapport = warehouse.activity().rapport06(Scope.departement(dep), Period.monthOf(r.dataDate()));
            assertEquals(r.dataDate(), rapport.end());
            Map<String, DoublonGuichet> byCode = byCode(r);
            int compared = 0;
            for (var row : rapport.guichets()) {
                long expected = ((Number) row.value("doublons_potentiels")).longValue();
                DoublonGuichet mine = byCode.get(row.code());
                assertEquals(expected, mine == null ? 0 : mine.indicator16(), dep + " " + row.code());
                compared++;
            }
            assertEquals(dep.equals("06") ? 3 : 1, compared);
            long total = ((Number) rapport.reference(fr.infocentre.warehouse.ActivityRow.Kind.DEPARTEMENT, dep).orElseThrow()
                    .value("doublons_potentiels")).longValue();
            assertEquals(total, r.guichets().stream().filter(DoublonGuichet::ofDepartement)
                    .mapToLong(DoublonGuichet::indicator16).sum(), dep);
        }
    }

    @Test
    void theLimitKeepsWholeGroupsAndSaysSo() {
        DoublonReport five = doublons.doublons("06", null, 5);
        assertEquals(List.of("H-T1", "H-Q1"), five.groups().stream().map(DoublonGroup::idDemandeur).toList());
        assertEquals(5, five.demandesListed());
        assertTrue(five.truncated());
        assertEquals(7, five.groupsTotal());
        assertEquals(15, five.demandesTotal());
        assertEquals(12L, byCode(five).get(G1).indicator16(), "the counts cover every group");
        assertEquals(List.of("H-T1"), doublons.doublons("06", null, 4).groups().stream().map(DoublonGroup::idDemandeur).toList());
        assertEquals(List.of(), doublons.doublons("06", null, 2).groups());
        assertFalse(doublons.doublons("06", null, 15).truncated());
        assertThrows(IllegalArgumentException.class, () -> doublons.doublons("06", null, 0));
    }

    @Test
    void aGuichetFilterListsTheGroupsHoldingOneOfItsDemandes() {
        DoublonReport cannes = doublons.doublons("06", G3, 1000);
        assertEquals(List.of("H-T1"), cannes.groups().stream().map(DoublonGroup::idDemandeur).toList());
        assertEquals(1, cannes.groupsTotal());
        assertEquals(3, cannes.demandesTotal());
        assertEquals(G3, cannes.guichet().code());
        assertEquals(3, cannes.guichets().size(), "the count per guichet is the département's");
        assertEquals(List.of("H-T1", "H-Q1"), doublons.doublons("06", G2, 1000).groups().stream()
                .map(DoublonGroup::idDemandeur).toList());
        assertEquals(0, doublons.doublons("06", G83, 1000).groupsTotal());
    }

    @Test
    void aDepartementOutsideTheDataIsRefused() {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> doublons.doublons("13", null, 10));
        assertEquals(InvalidRequest.Cause.UNKNOWN_TERRITOIRE, e.motif());
        assertEquals("Département inconnu ou hors des données : 13", e.getMessage());
    }

    private static Map<String, DoublonGuichet> byCode(DoublonReport r) {
        Map<String, DoublonGuichet> m = new LinkedHashMap<>();
        r.guichets().forEach(g -> m.put(g.guichet().code(), g));
        return m;
    }
}
