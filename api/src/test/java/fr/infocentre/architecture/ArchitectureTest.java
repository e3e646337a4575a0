package fr.infocentre.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.infocentre.warehouse.RapportTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The boundaries of docs/architecture.md, checked on the production classes of every module
 * (this module's test classpath holds them all). Each rule is shown able to fail on the
 * test-only classes of the {@code violations} packages, each of which breaks one rule.
 */
class ArchitectureTest {

    private static final String[] VIOLATIONS = {"fr.infocentre.warehouse.violations",
            "fr.infocentre.etl.violations", "fr.infocentre.etl.generator.violations", "fr.infocentre.api.violations",
            "fr.infocentre.api.accounts.violations",
            "fr.infocentre.architecture.violations"};

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("fr.infocentre");
        // every module's production classes, from its target/classes or its jar; the count keeps
        // the import from silently finding nothing
        assertTrue(production.size() > 150, "production classes imported: " + production.size());
    }

    @Test
    void everyRuleHoldsOnTheProductionClasses() {
        ArchitectureRules.ALL.forEach(rule -> rule.check(production));
    }

    @Test
    void everyRuleFailsOnTheClassThatBreaksIt() {
        // with RapportTable itself, whose constructor the rule on publication is about
        JavaClasses violations = new ClassFileImporter()
                .importClasses(classesOf(VIOLATIONS, RapportTable.class));
        assertFalse(violations.isEmpty());
        ArchitectureRules.ALL.forEach(rule -> assertTrue(rule.evaluate(violations).hasViolation(),
                "the rule should fail on the violations packages: " + rule.getDescription()));
    }

    private static Class<?>[] classesOf(String[] packages, Class<?> extra) {
        return Stream.concat(
                new ClassFileImporter().importPackages(packages).stream().map(JavaClass::reflect),
                Stream.of(extra)).toArray(Class<?>[]::new);
    }
}
