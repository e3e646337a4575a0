-- TAB03-01 Demandes en cours (active on 31 December, hors associations) by ancienneté: whole
-- years from date_depot to 31 December (a demande filed on 31 December N-1 is 1 year old);
-- located by the first-choice commune; split mutation / hors mutation.
SELECT commune_premier_choix AS code_commune,
       categorie_anciennete(date_depot, year_end()) AS categorie,
       mutation_column(logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_active_on(year_end())
WHERE NOT personne_morale
GROUP BY ALL
