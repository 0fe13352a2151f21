-- A letter, a walk-in visit or an online request may come without the caller's phone (issue: intake without a phone):
-- the read model keeps null then. contact_method is how the caller is reached (voice, text, video, guardian, letter,
-- none); the callback queue shows it, so the operator knows whether to call, text, call the guardian or write.
-- Tickets registered before it was asked were all reached by phone.
alter table tickets
    alter column caller_phone drop not null,
    add column contact_method text not null default 'voice'
        check (contact_method in ('voice', 'text', 'video', 'guardian', 'letter', 'none'));
