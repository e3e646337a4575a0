package fr.infocentre.etl.generator;

import fr.infocentre.etl.reference.Plafonds;
import fr.infocentre.etl.reference.ReferenceCsv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference data the generator needs, read through {@code fr.infocentre.etl.reference} (the
 * same copy, files and rules as the ETL): the communes with population and EPCI, the plafond zone
 * of each commune, and the complete table of plafonds (gaps filled by the ETL's rule, ref/README.md).
 */
final class ReferenceData {

    private final List<Commune> communes;
    private final Map<String, Plafonds.Zone> zones;
    private final Plafonds.Lookup plafonds;

    private ReferenceData(List<Commune> communes, Map<String, Plafonds.Zone> zones, Plafonds.Lookup plafonds) {
        this.communes = communes;
        this.zones = zones;
        this.plafonds = plafonds;
    }

    static ReferenceData load() {
        List<Commune> communes = new ArrayList<>();
        for (Map<String, String> r : ReferenceCsv.read("communes.csv")) { // empty values are null
            String population = r.get("population");
            communes.add(new Commune(r.get("code_commune"), r.get("nom"), "ARRONDISSEMENT".equals(r.get("type")),
                    orEmpty(r.get("commune_parent")), r.get("code_departement"), r.get("code_region"),
                    orEmpty(r.get("siren_epci")), population == null ? 0 : Integer.parseInt(population)));
        }
        Map<String, Plafonds.Zone> zones = new HashMap<>(); // look-ups only
        Plafonds.zones().forEach((code, zone) -> zones.put(code, Plafonds.Zone.valueOf(zone)));
        return new ReferenceData(List.copyOf(communes), zones, Plafonds.lookup());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    List<Commune> communes() {
        return communes;
    }

    Plafonds.Lookup plafonds() {
        return plafonds;
    }

    /** Plafond zone of a commune (zones_plafonds: arrondissements of Paris count as Paris). */
    Plafonds.Zone zoneOf(Commune commune) {
        return zones.get(commune.code());
    }
}
