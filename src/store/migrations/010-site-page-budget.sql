-- A site's own page budget (issue 13): the registry's optional maxPages, NULL when the plan's budget applies.

ALTER TABLE sites ADD COLUMN max_pages integer CHECK (max_pages > 0);
