// The help of every command, kept apart from the commands so `--help` prints it without loading
// any of them. `companyos COMMAND [VERB] --help` and `companyos help COMMAND` print a command's
// text and exit 0; a usage mistake prints it on stderr and exits 2.

export const OVERVIEW = `companyos — the CompanyOS command

Usage:
  companyos serve [--no-seed]                     run the server (PGlite in ./data, or DATABASE_URL)
  companyos token --tenant T --subject S [--ttl 1h] [--step-up]
                                                  mint a development bearer token
  companyos actions [--json]                      list every governed action and its policy path
  companyos tenant list|get|overview|create|disable|enable|config ...
                                                  manage tenants through the HTTP API
  companyos ledger verify --tenant T [--jwks FILE|URL] [--json]
                                                  rebuild a tenant's log from the database and check it
  companyos verify-receipt FILE [--jwks FILE|URL] [--json]
                                                  check a receipt bundle offline
  companyos flags lint [--definitions FILE] [--remote] | list | get | set | revert | evaluate
                                                  feature flags: hygiene lint (offline), settings
  companyos config export|import|branding --tenant T ...
                                                  the signed white-label kit, and branding
  companyos policy test|validate|list|show|propose|activate|rollback|diff|simulate|decisions ...
                                                  tenant policy bundles (test and validate run offline)
  companyos drift [--json]                        active bundle, flags and configuration loaded?
  companyos can ACTION[@ID]... [--json]           would the policy allow these actions (a preflight)?
  companyos approvals [--json]                    what waits for your approval, across flows
  companyos export --from T --to T [--actor S]... [--action A]... [--outcome allowed|denied] [-o FILE]
                                                  export a signed evidence pack of the audit trail (needs --step-up token)
  companyos verify PACK|BOARD.pdf [--receipt FILE] [--jwks FILE|URL] [--json]
                                                  check an evidence pack, or a board pack against its receipt, offline
  companyos board-pack --period P [-o FILE]       the board pack PDF of a period, with its receipt (operators)
  companyos onboard --batch FILE [--cohort C] | --status --cohort C
                                                  onboard a cohort of partner tenants from a CSV file (operators)
  companyos high-risk request|list|show|approve|deny|cancel|execute|revoke|evidence|missing-receipts ...
                                                  temporary database access with dual approval
  companyos revops leads|opportunities|quotes|submit|approve|reject|cancel|activate|evidence ...
                                                  the deal desk: routed leads, quotes, discount approvals, contracts
  companyos runbook list|show|versions|save ...   the tenant's runbooks: Markdown, every save a version
  companyos incident open|from-alert|list|show|note|mitigate|resolve|link ...
                                                  incidents: timeline, runbook, affected entities, resolution
  companyos pdp --tenant T [--api-key KEY] [--addr HOST:PORT] ...
                                                  an OPA-compatible decision service for one tenant
  companyos finops usage|readings|invoices|rate|estimate ...
                                                  metered usage, daily readings, invoices and price estimates
  companyos probe [--timeout S] [--json]          golden-path checks against a server: sign-in, a decision,
                                                  a receipted action and its proof, an evidence pack
  companyos backup -o DIR [--json]                a signed backup of the whole store (stop a PGlite server first)
  companyos restore DIR [--verify-only] [--json]  check a backup and restore it into an empty store
  companyos dr drill [-o REPORT] [--json] | jwks [-o FILE]
                                                  a restore drill with measured RPO/RTO and a signed report
  companyos keys status | wrapping-key | import | rotate | revoke ...
                                                  the tenant's own key-encryption key (wrapped import, rotation, revocation)
  companyos help                                  this text

Environment: COMPANYOS_URL (default http://127.0.0.1:8080), COMPANYOS_TOKEN, and the server's
COMPANYOS_* settings (see README.md).`;

export const COMMAND_USAGE: Record<string, string> = {
  keys: `usage: companyos keys VERB [--json] [--url URL] [--token T]
  status                                        who holds the tenant's key-encryption key, its versions, its data keys
  wrapping-key [-o FILE]                        a single-use RSA-OAEP-256 public key to wrap a KEK to (PEM to FILE)
  import --key FILE | --wrapped FILE --wrapping-key-id ID
                                                import the tenant's 32-byte AES-256 KEK: --key wraps it here (only the
                                                wrapped form is sent); --wrapped sends base64 wrapped elsewhere
  rotate --key FILE | --wrapped FILE --wrapping-key-id ID
                                                replace it: data keys are re-wrapped, the old version retired
  revoke --yes                                  revoke it for good: sealed fields become unreadable, new ones are refused
  import, rotate and revoke need a token minted with --step-up.`,
  runbook: `usage: companyos runbook VERB
  list                                          the tenant's runbooks by slug
  show SLUG [--version N]                       the Markdown of the current (or a given) version
  versions SLUG                                 every saved version, newest first
  save SLUG --title T --file FILE.md [--message M] [--base-version N]
                                                a new version; --base-version refuses to overwrite a newer one
Every verb takes --url, --token and --json.`,
  incident: `usage: companyos incident VERB
  open --title T --severity critical|high|medium|low [--runbook SLUG] [--note TEXT]
  from-alert --alert NAME [--severity S] [--summary TEXT] [--runbook SLUG] | from-alert --file PAYLOAD.json
                                                open from an alert (a name, or an Alertmanager webhook payload);
                                                a repeat of the alert joins its unresolved incident
  list [--status open|mitigated|resolved] [--limit N] [--before ID]
  show ID                                       the incident with its timeline
  note ID --note TEXT
  mitigate ID [--rationale TEXT] | resolve ID --rationale TEXT
  link ID --runbook SLUG | link ID --entity ENTITY_ID
Every verb takes --url, --token and --json; -q prints only the incident's id.`,
  probe: `usage: companyos probe [--url URL] [--token T] [--timeout S] [--json]
  Runs the golden path against a running server as the token's tenant admin, in order:
    sign_in         the token is accepted and the tenant's published keys are read
    decision        the policy answers allow for an admin and deny for no roles (simulated)
    action_receipt  a governed action (storing a small evidence blob) is receipted, and its
                    inclusion proof verifies under the tenant's keys
    evidence_pack   an evidence pack of that action is exported, downloaded and verified offline
  The token must be a step-up token of a tenant admin (companyos token --step-up); use a tenant
  kept for probing. --timeout (default 60 s) bounds each wait for the ledger and the export.
  Exits 0 when every check passes, 1 naming the first that failed (the rest are skipped).`,
  finops: `usage: companyos finops VERB
  usage [--meter M] [--from TIME] [--to TIME] [--limit N]   the tenant's usage events, newest first
  readings [--meter M] [--from DAY] [--to DAY]              daily meter readings
  invoices [ID]                                             the tenant's invoices, or one with its lines
  invoices evidence ID [-o FILE]                            a finalised invoice's signed evidence pack, with the
                                                            meter readings and usage events behind its lines
                                                            (check it offline: companyos verify FILE)
  rate --period YYYY-MM                                     aggregate and rate a month now (a draft invoice)
  estimate --plan P [--period YYYY-MM] [--internal] METER=N...
                                                            price hypothetical usage on a plan
Every verb takes --url and --token; all but invoices evidence take --json.`,
  revops: `usage: companyos revops VERB
  leads create --company C --contact-name N --contact-email E --segment smb|mid_market|enterprise --region R --value MINOR --currency CUR
  leads list [--team T] [--owner S] [--segment S] [--status routed|promoted]
  opportunities [--team T] [--owner S] [--stage open|won|lost]
  quotes create --opportunity ID --currency CUR --line PRODUCT:QTY:UNIT_PRICE_MINOR [--line ...] --discount-bp BP
                [--term-months N] [--payment-terms net_30] [--valid-days N]
  quotes list [--status S] [--owner S] [--opportunity ID]
  quotes show ID
  submit ID --rationale TEXT
  approve ID --rationale TEXT | reject ID --rationale TEXT | cancel ID [--rationale TEXT]
  activate ID [--effective-date YYYY-MM-DD]
  evidence DEAL_ID [-o FILE]           downloads the deal's signed evidence pack (DEAL_ID: the opportunity)
  impact TO [--from REF]               the open quotes policy version TO would re-route (REF: a version, active or base)
Every verb takes --url and --token; all but evidence take --json. \`leads create -q\` prints only the
opportunity id (the lead id when the lead was not promoted), \`quotes create -q\` only the quote id.
Amounts are integer minor units.`,
  serve: `usage: companyos serve [--no-seed]
  Runs the server: PGlite in COMPANYOS_DATA_DIR (default ./data), or the PostgreSQL of DATABASE_URL.
  Seeds the demo tenants on first start unless --no-seed. Settings: COMPANYOS_* (see README.md).`,
  token: `usage: companyos token --tenant T --subject S [--ttl 1h] [--step-up] [--url URL]
  Mints a development bearer token with the key of the issuer the server at URL (COMPANYOS_URL)
  trusts; with no server to ask, with the key in COMPANYOS_DATA_DIR. It never creates a key.
  --step-up records a fresh strong authentication (needed by exports and other sensitive actions).`,
  actions: `usage: companyos actions [--json]
  Lists every governed action: its route, scope and the policy rule that decides it.`,
  tenant: `usage: companyos tenant VERB
  list
  get ID | overview ID                     one tenant; overview adds plan, bundle activations, flags, keys, quotas, recent audit
  disable ID --reason TEXT | enable ID --reason TEXT
                                           the reason is required and recorded; disable needs a --step-up token
                                           and refuses the platform tenant you operate from
  create --id ID --region R --owner EMAIL [--name N] [--env E] [--admin SUBJECT [--admin-attr KEY=VALUE ...]]
  config ID [--set JSON]
Every verb takes --url and --token.`,
  ledger: `usage: companyos ledger verify --tenant T [--jwks FILE|URL] [--json]
  Rebuilds the tenant's log from the database (DATABASE_URL, or the PGlite data dir of a stopped
  server) and checks every signed checkpoint.`,
  backup: `usage: companyos backup -o DIR [--json]
  Writes a consistent backup of the whole store into the new folder DIR: pg_dump's custom format
  of DATABASE_URL, or the PGlite data dir (of a stopped server) as a tarball, plus manifest.json
  with each file's SHA-256 and manifest.dsse.json, its signature by the platform key (derived from
  COMPANYOS_KEK, or the development KEK in the data dir). pg_dump must be on PATH for PostgreSQL.`,
  restore: `usage: companyos restore DIR [--verify-only] [--purge-register FILE] [--json]
       companyos restore --purges-only [--purge-register FILE] [--json]
  Verifies the backup in DIR (the manifest's signature by the platform key of COMPANYOS_KEK and
  every file's SHA-256) and restores it into the configured store, which must be empty: a new
  database named by DATABASE_URL, or a data dir (COMPANYOS_DATA_DIR) without a PGlite store.
  A backup that does not verify, or a target in use, is refused before anything is written.
  Then the data keys of every purge in the purge register (default purge-register.jsonl in
  COMPANYOS_BACKUP_DIR, else the data dir; each line signed by the platform key) are destroyed
  again, so a backup taken before a purge comes back purged. A register line that does not
  verify refuses the restore.
  --verify-only checks the backup and restores nothing.
  --purges-only applies the purge register to the configured store alone (every database of it,
  with COMPANYOS_REGION_DATABASES): for a store recovered to a moment from archived WAL, before it
  is served.`,
  dr: `usage: companyos dr drill [-o REPORT] [--json] | companyos dr jwks [-o FILE]
  drill: backs up the configured store (stop a PGlite server first), restores it into a fresh
  database (a new database beside DATABASE_URL, which needs CREATEDB; or a temporary PGlite data
  dir; with COMPANYOS_REGION_DATABASES, each region's database beside its own), runs ledger verify for every tenant there, starts a server on the restored data and reads
  the proof of the newest checkpointed receipt through the governed API, then writes the signed
  drill report to REPORT (default dr-drill-report.tar.gz), an evidence pack for companyos verify.
  Prints the recovery point (age of the newest restored receipt) and recovery time (restore,
  verify and probe). Exits 1 when any ledger or the probe fails.
  jwks: prints the platform key set that signs backups and drill reports (pin it for --jwks).`,
  'verify-receipt': `usage: companyos verify-receipt FILE [--jwks FILE|URL] [--json]
  Checks a receipt bundle offline.`,
  flags: `usage: companyos flags lint [--definitions FILE] [--remote] | list | get ID | set ID --setting JSON | revert ID | evaluate [ID...]`,
  config: `usage: companyos config export --tenant T [--out FILE] | import --tenant T --kit FILE [--jwks FILE|URL] [--dry-run] | branding --tenant T [--set JSON] [--logo FILE]`,
  policy: `usage: companyos policy VERB
  test [DIR] [--coverage] [--threshold PCT] [-v]   run the *_test.rego of a bundle folder (default policies/base)
  validate [--policies DIR] [--tenants FILE]       every tenant's bundle exists, every bundle has a tenant and passes its checks
  list | show [REF]                                versions of the caller's tenant (REF: a number, active or base)
  propose -m MSG [--patch JSON|FILE] [--data FILE] [--module tenant/x.rego=FILE]... [--parent REF]
  activate VERSION | rollback VERSION
  diff TO [--from REF] [--fixtures FILE] [--recorded N]
  simulate --input FILE [--version REF | --draft FILE] [--path RULE]
  decisions [--action A] [--subject S] [--allow true|false] [--from TIME] [--to TIME] [--limit N]`,
  can: `usage: companyos can ACTION[@ID]... [--json] [--url URL] [--token T]
  Asks whether the caller may take each action (on the resource ID names, e.g.
  high_risk.request.approve@ID), decided as the real request would be; nothing runs.
  Exits 1 when any is denied, printing the policy's reasons.`,
  approvals: `usage: companyos approvals [--json] [--url URL] [--token T]
  Everything waiting for the caller's approval across flows (high-risk access, quote
  discounts, ...): flow, id, title, requester and who else must approve.`,
  drift: `usage: companyos drift [--json] [--url URL] [--token T]
  Whether the server runs the caller tenant's active bundle, flags and configuration; exit 1 on drift.`,
  export: `usage: companyos export --from TIME --to TIME [--actor S]... [--action A]... [--outcome allowed|denied] [--out FILE] [--tenant T]
  Needs a token minted with --step-up.`,
  verify: `usage: companyos verify PACK [--jwks FILE|URL] [--json]
       companyos verify BOARD.pdf [--receipt FILE] [--jwks FILE|URL] [--json]
  Checks an evidence pack offline; exits 1 naming what failed. Given a PDF, checks a board pack
  against its receipt bundle (default BOARD.pdf.receipt.json): the receipt is in the operator
  tenant's signed log and names the PDF's SHA-256; the input digests it records are listed.`,
  onboard: `usage: companyos onboard --batch FILE [--cohort C] [--secrets FILE] [--poll-ms N] [--url URL] [--token T]
       companyos onboard --status --cohort C
  Onboards the partner tenants of a CSV file as one cohort (default C: the file's name). Columns:
  id, name, region (eu, us, uk, apac), owner (email), admin (subject id), webhook_url, plan, and
  optionally admin_name and env (dev, staging, prod; default prod). The whole file is checked
  first: every bad row is named by line and nothing is sent. Then, per tenant: create it with safe
  defaults on its plan, its first CompanyAdmin, branding and flags from the partner template, a
  signed test event to its webhook (3 attempts with backoff), its first evidence pack exported and
  verified. Each step is recorded on the server: a re-run skips what is done. New webhook signing
  secrets are written to FILE.secrets.json (mode 600). Exits 1 when a tenant failed, and prints
  ALERT when more than 10% of the cohort failed. --status prints the cohort dashboard.`,
  'board-pack': `usage: companyos board-pack --period P [-o FILE] [--url URL] [--token T]
  Generates the board pack of a period as a PDF (default FILE: board-P.pdf) from the data stored
  now, and saves its receipt bundle as FILE.receipt.json once the receipt is in the ledger.
  P is one of: YYYY (a year), YYYY-H1|H2 (a half), YYYY-Q1..Q4 (a quarter), YYYY-Qn-mid (a
  quarter's first day to the 15th of its second month), YYYY-MM (a month); a period still running
  is cut at the time of generation. Needs a platform operator's token.`,
  'high-risk': `usage: companyos high-risk VERB
  request --operation OP --database D --schema S --table T [--table T]... --minutes N --rationale TEXT
  list [--status S] [--requester R] [--from TIME] [--to TIME]
  show ID
  approve ID --rationale TEXT | deny ID --rationale TEXT | cancel ID [--rationale TEXT] | revoke ID [--rationale TEXT]
  execute ID [--db-host HOST]          prints the temporary credentials, this once
  evidence ID [-o FILE]                downloads the request's signed evidence pack
  missing-receipts                     exits 1 when an executed request lacks a receipt for a step
Every verb takes --url and --token; all but evidence take --json.`,
};

/** The help of `command`, or undefined for a command that has none here (pdp prints its own). */
export const usageOf = (command: string): string | undefined => COMMAND_USAGE[command];
