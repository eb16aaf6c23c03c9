"""Process 4, การบำรุงรักษาระบบฮาร์ดแวร์และเครือข่าย (server and network maintenance).

- ``problems``: the log of problems and obstacles that feeds the annual plan (step 1);
- ``plans``: the แผนปฏิบัติการประจำปี per fiscal year and its items (what, why, budget, quarter,
  responsible group); ``plan_progress``: each item with the step its project has reached;
- ``projects``: the one engine definition: a project per plan item runs the manual's steps 2-8
  (draft specification, quotations and the approval memo, the Director, the TOR and median price,
  the Deputy Director, procurement by general administration, following the contractor);
- ``contracting``: what the project's rules read from ``models.procurement`` (quotations, the TOR
  committee, the method's thresholds, the contract and its installments); process 4 imports that
  package, never the other way (process 5 imports it too);
- ``case_forms``: the project's F1, F5a, F6 and quotation comparison, printed from its case;
- ``follow_up``: what the dashboard lists (installments due, late deliveries, securities,
  warranties, incidents), kept to process 4's projects;
- ``documents``: the annual plan printed, the plan and problem registers;
- ``demo``: a realistic fiscal year for the demo office.

Importing the package registers nothing by itself: the engine imports ``projects`` through
``PROCESS_MODULES``; registers and demo seeders are listed in their own registries.
"""
