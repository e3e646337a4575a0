package fr.infocentre.warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A warehouse's tables as the engine computes them, before the secret statistique, laid out as
 * published but with no cell masked: what the rapport tests check their hand-worked figures on
 * (the tiny fixtures are all small counts, which the protection masks). The protection itself is
 * tested on the real {@link Warehouse} (SecretStatistiqueTest, SuppressionSecondaireTest, AuditTest).
 */
final class NonProtege implements Warehouse {

    private final DuckDbWarehouse warehouse;

    NonProtege(Path entrepot) {
        this.warehouse = DuckDbWarehouse.ouvrir(entrepot);
    }

    @Override
    public RapportTable calculer(String rapportId, Niveau niveau, String code, int annee) {
        return SecretStatistique.publier(warehouse.calculee(rapportId, niveau, code, annee), Set.of());
    }

    /** Nothing to prepare: no pattern is chosen, every table is computed for its territory alone. */
    @Override
    public void preparer(String rapportId, int annee) {
    }

    @Override
    public List<Rapport> catalogue() {
        return warehouse.catalogue();
    }

    @Override
    public Optional<Rapport> rapport(String id) {
        return warehouse.rapport(id);
    }

    @Override
    public List<Integer> annees() {
        return warehouse.annees();
    }

    @Override
    public List<Territoire> territoires(Niveau niveau) {
        return warehouse.territoires(niveau);
    }

    @Override
    public Optional<Territoire> territoire(Niveau niveau, String code) {
        return warehouse.territoire(niveau, code);
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
