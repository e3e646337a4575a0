package fr.infocentre.warehouse.catalogue;

import fr.infocentre.warehouse.catalogue.RapportDefinition.DeclaredColumn;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Identity;
import fr.infocentre.warehouse.catalogue.RapportDefinition.LineFigure;
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
                              List<SameFigure> sameFigures, List<LineFigure> lineFigures) {
    }

    /**
     * {@code <id>.yaml} of a rapport whose rows are guichets ({@code rows: guichets}, series 06):
     * docs/catalogue.md, "Rapports by guichet".
     */
    record GuichetRapportDeclaration(String id, String series, String title, String description, String rows,
                                     List<String> scopes, List<String> periods, List<String> diffusablePeriods,
                                     String chart, String reference, List<DetailDeclaration> details,
                                     List<IndicatorDeclaration> columns) {
    }

    /** A field of the units' rows that explains an indicator (a column of the SQL), with its French label. */
    record DetailDeclaration(String key, String label) {
    }

    /**
     * A column of a rapport by guichet: a count fed by the SQL (optionally {@code subset_of} another
     * count), a {@code ratio}, or a {@code mean_of} a count's values.
     */
    record IndicatorDeclaration(String key, String label, Integer indicator, String subsetOf, List<String> ratio,
                                boolean percent, boolean complement, String meanOf, String unit,
                                ThresholdDeclaration threshold, List<String> details) {
    }

    /** When a value is flagged: every condition given must hold. */
    record ThresholdDeclaration(Double above, Double below, Double aboveReference, Double belowReference, String per) {
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
