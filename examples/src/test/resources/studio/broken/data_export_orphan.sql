--
-- PostgreSQL database dump
--

-- Dumped from database version 17.2
-- Dumped by pg_dump version 17.2
-- pg_dump --data-only --no-owner studio_prod (anonymised)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Data for Name: party; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.party (party_id, display_name, email, phone, created_at) FROM stdin;
1	Noor Haddad	noor@example.com	+31 6 1234 5678	2024-01-08 09:12:00+00
2	Blue Owl Records	bookings@blueowl.example	\N	2024-01-09 14:30:00+00
3	Sam Okafor	sam@example.com	\N	2024-02-01 10:00:00+00
\.

COPY public.party_role (party_id, role) FROM stdin;
1	client
2	client
3	engineer
3	staff
\.

COPY public.room (room_id, name, capacity, hourly_rate_cents) FROM stdin;
7f1c3c2e-5d0a-4c59-9a43-0c7f2b8d1e01	Live Room A	8	6500
2b9e6f4a-1c3d-4e5f-8a7b-9c0d1e2f3a45	Mix Suite	3	4500
\.

COPY public.package (package_id, name, hours, price_cents, active) FROM stdin;
1	10 hours mixing	10	40000	t
2	Album day	8	45000	t
\.

COPY public.booking (booking_id, party_id, room_id, starts_at, ends_at, status, package_id, notes) FROM stdin;
1	1	7f1c3c2e-5d0a-4c59-9a43-0c7f2b8d1e01	2024-03-04 10:00:00+00	2024-03-04 18:00:00+00	completed	2	Bring the Rhodes
2	2	2b9e6f4a-1c3d-4e5f-8a7b-9c0d1e2f3a45	2024-03-11 09:00:00+00	2024-03-11 13:00:00+00	confirmed	1	\N
3	9	2b9e6f4a-1c3d-4e5f-8a7b-9c0d1e2f3a45	2024-03-18 14:00:00+00	2024-03-18 16:00:00+00	requested	\N	\N
\.

COPY public.invoice (invoice_id, party_id, number, issued_on, due_on, total_cents, currency) FROM stdin;
1	1	INV-2024-0001	2024-03-05	2024-03-19	45000	EUR
2	2	INV-2024-0002	2024-03-12	2024-03-26	40000	EUR
\.

COPY public.invoice_line (invoice_id, line_no, booking_id, description, quantity, unit_price_cents) FROM stdin;
1	1	1	Album day, Live Room A	1	45000
2	1	2	10 hours mixing	1	40000
\.

COPY public.payment (payment_id, invoice_id, amount_cents, paid_at, method) FROM stdin;
1	1	45000	2024-03-10 12:00:00+00	transfer
2	2	15000	2024-03-20 08:30:00+00	card
\.

COPY public.asset (asset_id, room_id, name, serial_no, purchased_on) FROM stdin;
c0ffee00-0000-4000-8000-000000000001	7f1c3c2e-5d0a-4c59-9a43-0c7f2b8d1e01	Neumann U87	U87-44120	2021-06-01
c0ffee00-0000-4000-8000-000000000002	\N	Fender Rhodes Mk I	RH-1974-889	\N
\.

COPY public.booking_asset (booking_id, asset_id) FROM stdin;
1	c0ffee00-0000-4000-8000-000000000001
1	c0ffee00-0000-4000-8000-000000000002
\.

SELECT pg_catalog.setval('public.party_party_id_seq', 3, true);
SELECT pg_catalog.setval('public.package_package_id_seq', 2, true);
SELECT pg_catalog.setval('public.booking_booking_id_seq', 3, true);
SELECT pg_catalog.setval('public.invoice_invoice_id_seq', 2, true);
SELECT pg_catalog.setval('public.payment_payment_id_seq', 2, true);

--
-- PostgreSQL database dump complete
--
