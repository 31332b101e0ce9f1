DROP TABLE insight_rate;
DROP TABLE insight_usage;
DROP TABLE insight_cache;
