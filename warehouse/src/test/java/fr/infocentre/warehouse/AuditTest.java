package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacker's audit over the whole catalogue of a small generated millésime (three
 * départements, {@link EntrepotGenere}): no primary cell can be pinned from everything
 * published, and the audit did meet primary and secondary cells at every level.
 */
class AuditTest {

    @Test
    void noPrimaryCellOfAnyRapportCanBePinned() {
        Path dossier = EntrepotGenere.dossier();
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.ouvrir(dossier)) {
            int annee = EntrepotGenere.annee();
            List<String> devoiles = new ArrayList<>();
            long[] primaires = new long[Niveau.values().length];
            long[] secondaires = new long[Niveau.values().length];
            for (Rapport r : warehouse.catalogue()) {
                Audit.Resultat resultat = Audit.auditer(warehouse, r.id(), annee);
                resultat.devoiles().forEach(d -> devoiles.add(r.id() + " " + d));
                resultat.comptes().forEach((n, c) -> {
                    primaires[n.ordinal()] += c[1];
                    secondaires[n.ordinal()] += c[2];
                });
            }
            assertEquals(List.of(), devoiles.stream().limit(20).toList(), devoiles.size() + " primary cells pinned");
            for (Niveau n : List.of(Niveau.REGION, Niveau.DEPARTEMENT, Niveau.EPCI, Niveau.COMMUNE)) {
                assertTrue(primaires[n.ordinal()] > 0, "primary cells at level " + n);
                assertTrue(secondaires[n.ordinal()] > 0, "secondary cells at level " + n);
            }
        }
    }
}
