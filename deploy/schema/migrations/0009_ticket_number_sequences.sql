-- Ticket numbers now come from one sequence per local day (ticket_number_yyyymmdd, created on the
-- day's first registration): nextval takes no row lock and needs no commit of its own, where the
-- counter row of 0006 serialised every registration. Numbers may skip after a crash; they never repeat.
drop table ticket_number_counters;
