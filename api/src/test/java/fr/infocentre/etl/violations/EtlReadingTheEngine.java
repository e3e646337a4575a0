package fr.infocentre.etl.violations;

import fr.infocentre.warehouse.engine.RapportEngine;


/** Breaks "etl uses the warehouse's format contract and nothing else of it" (test only). */
final class EtlReadingTheEngine {

    RapportEngine engine;
}
