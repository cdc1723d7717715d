-- One database per service; each service migrates its own schema (Flyway) at start.
CREATE DATABASE users;
CREATE DATABASE inventory;
CREATE DATABASE orders;
CREATE DATABASE payments;
CREATE DATABASE shipping;
CREATE DATABASE notifications;
