-- TAB01-02 Évolution du stock des demandes des associations (personne_morale), year
-- getvariable('annee'): the same flow as TAB01-01 (macro mouvements_stock, macros.sql).
SELECT code_commune, categorie, colonne, n
FROM mouvements_stock(true)
