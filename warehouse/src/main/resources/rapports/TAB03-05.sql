-- TAB03-05 Demandes en cours (active on 31 December, hors associations) by composition familiale
-- (derived, see dimensions/composition-familiale.yaml); located by the first-choice commune; split
-- mutation / hors mutation.
SELECT commune_premier_choix AS code_commune,
       categorie_composition_familiale(taille_menage, nb_enfants, co_demandeur, situation_familiale) AS categorie,
       mutation_column(logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_active_on(year_end())
WHERE NOT personne_morale
GROUP BY ALL
