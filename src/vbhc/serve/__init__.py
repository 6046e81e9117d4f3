"""`vbhc serve`: the officers' web page and the API, on the office's own machine.

  common          what the routes share (services, uploads, forms, parent plans, errors, pages)
  app             the Starlette app: the routes put together, the error pages, the lifespan
  routes_check    Kiểm tra văn bản: upload, findings beside the document, downloads
  routes_draft    Soạn kế hoạch: the form of `vbhc draft`
  routes_collect  Thu nhận kế hoạch: collections of submitted plans and the audit's matrix
  routes_api      POST /api/check, GET /api/rules, GET /api/profiles
  pages           what the result page shows of a checked file
  collection      a collection's submissions as the audit's result (missing agencies, replaced plans)
  agencies        matching a plan's issuer to an expected agency
  store           the SQLite database (migrations) and the uploaded files, under --data
  runner, jobs    the child processes that read uploads, under the CLI's limits, and what runs there
  limit           413 for uploads over --max-upload-mb, decided while the body streams in
  settings        the options, also through the environment for --workers

Nothing is fetched from or sent to another machine: the pages' assets are files of this package.
"""
