DROP TABLE jobs;
DROP TABLE groups;
