# aids
