-- TAB03-13 Demandes en cours (active on 31 December, hors associations) by mutation / hors
-- mutation (logement_actuel = LOCATAIRE_HLM; empty counts as hors mutation); located by the
-- first-choice commune. The mutation split of the other series-03 rapports too (a line is all
-- mutation or all hors mutation), so that the total line is, column by column, series 03's total.
SELECT commune_premier_choix AS code_commune,
       categorie_mutation(logement_actuel) AS categorie,
       mutation_column(logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_active_on(year_end())
WHERE NOT personne_morale
GROUP BY ALL
