-- TAB03-08 Demandes en cours (active on 31 December, hors associations) by revenus mensuels du
-- ménage; located by the first-choice commune; split mutation / hors mutation.
SELECT commune_premier_choix AS code_commune,
       categorie_revenus_mensuels(revenu_mensuel) AS categorie,
       mutation_column(logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_active_on(year_end())
WHERE NOT personne_morale
GROUP BY ALL
