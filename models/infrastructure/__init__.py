"""Process 4, การบำรุงรักษาระบบฮาร์ดแวร์และเครือข่าย (server and network maintenance).

- ``problems``: the log of problems and obstacles that feeds the annual plan (step 1);
- ``plans``: the แผนปฏิบัติการประจำปี per fiscal year and its items (what, why, budget, quarter,
  responsible group), each showing the step its project has reached;
- ``projects``: the one engine definition: a project per plan item runs the manual's steps 2-8
  (draft specification, quotations and the approval memo, the Director, the TOR and median price,
  the Deputy Director, procurement by general administration, following the contractor);
- ``contracting``: the one place process 4 talks to ``models.procurement`` (quotations, committees,
  contracts and what follows them), so that package never needs to know about process 4;
- ``documents``: the annual plan printed and the report memo over a period;
- ``demo``: a realistic fiscal year for the demo office.

Importing the package registers nothing by itself: the engine imports ``projects`` through
``PROCESS_MODULES``; registers and demo seeders are listed in their own registries.
"""
