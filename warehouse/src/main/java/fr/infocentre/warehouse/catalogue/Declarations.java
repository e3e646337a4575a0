package fr.infocentre.warehouse.catalogue;

import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Identity;
import fr.infocentre.warehouse.catalogue.RapportDefinition.SameFigure;

import java.util.List;

/**
 * The YAML files of the catalogue as written (docs/catalogue.md), before they are checked: field
 * names in snake_case ({@code horsAssociations} is {@code hors_associations}); a field absent
 * from the file is null (false for a boolean).
 */
final class Declarations {

    private Declarations() {
    }

    /** catalogue.yaml */
    record CatalogueDeclaration(List<SeriesDeclaration> series, List<String> rapports) {
    }

    /** One entry of catalogue.yaml's series. */
    record SeriesDeclaration(String id, String name, String visibility) {
    }

    /** {@code <id>.yaml} */
    record RapportDeclaration(String id, String series, String title, String description, String dimension,
                              List<String> levels, String chart, String reference, boolean horsAssociations,
                              List<DeclaredColumn> columns, boolean total, String header, String totalFigure,
                              List<SameFigure> sameFigures) {
    }

    /** {@code dimensions/<name>.yaml} */
    record DimensionDeclaration(String header, String label, List<String> input, String empty, String sql,
                                List<CategoryDeclaration> categories, Identity identity) {
    }

    /** One category of a dimension: key, French label, and what it covers. */
    record CategoryDeclaration(String key, String label, Integer offset, List<Object> codes, String when,
                               boolean otherwise) {

        boolean covers() {
            return codes != null || when != null || otherwise;
        }
    }
}
