package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.InvalidRequest.Cause;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Period;
import fr.infocentre.warehouse.Scope;
import fr.infocentre.warehouse.fixtures.Series06Warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static fr.infocentre.warehouse.fixtures.Series06Warehouse.G1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The requests of the restricted entry point: periods and scopes read from their keys, and every
 * wrong request refused with a French message saying what is wrong ({@link InvalidRequest}).
 */
class Tab06RequestsTest {

    private static final LocalDate DATA = LocalDate.of(2025, 4, 10);

    @Test
    void periodsAreReadFromTheirKeys() {
        Period march = Period.parse("2025-03");
        assertEquals(new Period(Period.Kind.MOIS, 2025, 3), march);
        assertEquals("2025-03", march.key());
        assertEquals(LocalDate.of(2025, 3, 1), march.start(DATA));
        assertEquals(LocalDate.of(2025, 3, 31), march.end(DATA));
        assertTrue(march.complete(DATA));
        assertEquals("mars 2025", march.label(DATA));

        Period q1 = Period.parse("2025-T1");
        assertEquals("2025-T1", q1.key());
        assertEquals(LocalDate.of(2025, 1, 1), q1.start(DATA));
        assertEquals(LocalDate.of(2025, 3, 31), q1.end(DATA));
        assertEquals("1er trimestre 2025", q1.label(DATA));
        Period q2 = Period.parse("2025-T2");
        assertEquals(LocalDate.of(2025, 4, 1), q2.start(DATA));
        assertEquals(LocalDate.of(2025, 4, 10), q2.end(DATA), "in progress: up to the extraction");
        assertEquals(LocalDate.of(2025, 6, 30), q2.naturalEnd(DATA));
        assertFalse(q2.complete(DATA));
        assertEquals("2e trimestre 2025", q2.label(DATA));

        Period year = Period.parse("2024");
        assertEquals(LocalDate.of(2024, 1, 1), year.start(DATA));
        assertEquals(LocalDate.of(2024, 12, 31), year.end(DATA));
        assertEquals("année 2024", year.label(DATA));

        Period last = Period.parse("12-derniers-mois");
        assertEquals(Period.last12Months(), last);
        assertEquals(LocalDate.of(2024, 4, 11), last.start(DATA));
        assertEquals(DATA, last.end(DATA));
        assertTrue(last.complete(DATA));
        assertEquals("12 derniers mois (du 11/04/2024 au 10/04/2025)", last.label(DATA));
        assertEquals(Period.parse(" 2025-T4 "), Period.quarter(2025, 4));
    }

    @Test
    void aMalformedPeriodIsRefusedSayingWhatIsExpected() {
        for (String key : List.of("2025-13", "2025-00", "2025-T5", "2025-T0", "2025-t1", "25", "2025-1", "mars",
                "12-mois", "")) {
            InvalidRequest e = assertThrows(InvalidRequest.class, () -> Period.parse(key), key);
            assertEquals(Cause.INVALID_PERIOD, e.motif());
            assertTrue(e.getMessage().startsWith(key.isEmpty() ? "Période non précisée" : "Période invalide : « " + key + " »"),
                    e.getMessage());
        }
        assertTrue(assertThrows(InvalidRequest.class, () -> Period.parse("2025-13")).getMessage().contains("de 01 à 12"));
        assertTrue(assertThrows(InvalidRequest.class, () -> Period.parse("2025-T5")).getMessage().contains("de T1 à T4"));
        assertTrue(assertThrows(InvalidRequest.class, () -> Period.parse("mars")).getMessage()
                .contains("un mois (2025-03), un trimestre (2025-T1), une année (2025) ou 12-derniers-mois"));
        assertThrows(InvalidRequest.class, () -> Period.parse(null));
    }

    @Test
    void scopesAreReadFromTheirKindAndCode() {
        assertEquals(Scope.departement("2A"), Scope.parse("departement", "2A"));
        assertEquals(Scope.region("93"), Scope.parse("region", " 93 "));
        assertEquals(Scope.guichet("B06001"), Scope.parse("guichet", "B06001"));
        InvalidRequest kind = assertThrows(InvalidRequest.class, () -> Scope.parse("commune", "06088"));
        assertEquals(Cause.UNKNOWN_LEVEL, kind.motif());
        assertEquals("Périmètre inconnu : « commune » (departement, region, guichet)", kind.getMessage());
        InvalidRequest code = assertThrows(InvalidRequest.class, () -> Scope.parse("departement", " "));
        assertEquals(Cause.UNKNOWN_TERRITOIRE, code.motif());
        assertEquals("Code non précisé pour le périmètre departement", code.getMessage());
    }

    @Test
    void wrongRequestsToTheWarehouseAreRefusedSayingWhy() {
        GuichetActivity a = Series06Warehouse.restricted();
        Period q1 = Period.parse("2025-T1");
        refused(Cause.UNKNOWN_TERRITOIRE, "Département inconnu ou hors des données : 13",
                () -> a.rapport06(Scope.departement("13"), q1));
        refused(Cause.UNKNOWN_TERRITOIRE, "Région inconnue ou hors des données : 11",
                () -> a.rapport06(Scope.region("11"), q1));
        refused(Cause.UNKNOWN_TERRITOIRE, "Guichet inconnu ou hors des départements des données : X99",
                () -> a.rapport06(Scope.guichet("X99"), q1));
        refused(Cause.UNKNOWN_TERRITOIRE, "Guichet inconnu", () -> a.departements(Scope.guichet("X99")));
        refused(Cause.INVALID_PERIOD, "Période 2023-T4 non couverte : l'historique conservé commence le 01/01/2024",
                () -> a.rapport06(Scope.departement("06"), Period.parse("2023-T4")));
        refused(Cause.INVALID_PERIOD, "Période 2025-05 non couverte : les données s'arrêtent à l'extraction du 10/04/2025",
                () -> a.rapport06(Scope.departement("06"), Period.parse("2025-05")));
        refused(Cause.UNKNOWN_RAPPORT, "Indicateur inconnu : delai (indicateurs : creees, creees_pgp,",
                () -> a.demandesBehind("delai", G1, q1, 10));
        refused(Cause.UNKNOWN_TERRITOIRE, "Guichet inconnu", () -> a.demandesBehind("creees", "X99", q1, 10));
        refused(Cause.INVALID_PERIOD, "Période 2023 non couverte", () -> a.demandesBehind("creees", G1,
                Period.year(2023), 10));
        assertThrows(IllegalArgumentException.class, () -> a.demandesBehind("creees", G1, q1, 0));
        refused(Cause.INVALID_PERIOD, "Nombre de mois : de 1 à 24 (demandé : 0)", () -> a.evolution(G1, Optional.empty(), 0));
        refused(Cause.INVALID_PERIOD, "Nombre de mois : de 1 à 24 (demandé : 25)", () -> a.evolution(G1, Optional.empty(), 25));
        refused(Cause.INVALID_PERIOD, "Période 2023-12 non couverte", () -> a.evolution(G1, Optional.empty(), 17));
        assertEquals(16, a.evolution(G1, Optional.empty(), 16).months().size(), "back to January 2024");
        refused(Cause.UNKNOWN_RAPPORT, "Indicateur inconnu : x", () -> a.evolution(G1, Optional.of("x"), 12));
        refused(Cause.LEVEL_NOT_AVAILABLE, "Niveau epci : le suivi des guichets se consulte par département ou par région",
                () -> a.territoires(Level.EPCI));
        assertEquals(List.of("06", "69"), a.territoires(Level.DEPARTEMENT).stream().map(t -> t.code()).toList());
        assertEquals(List.of("84", "93"), a.territoires(Level.REGION).stream().map(t -> t.code()).toList());
        assertEquals(List.of(Period.Kind.MOIS, Period.Kind.TRIMESTRE, Period.Kind.ANNEE, Period.Kind.DOUZE_DERNIERS_MOIS),
                a.periods());
    }

    private static void refused(Cause cause, String message, Executable request) {
        InvalidRequest e = assertThrows(InvalidRequest.class, request);
        assertEquals(cause, e.motif(), e.getMessage());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
